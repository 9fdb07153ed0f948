namespace Radar.Feeds.Knowledge;

/// <summary>
/// One step of a person's path: an organisation, a role, dates as written ("2023-04", "2025"),
/// the source. <see cref="Reported"/> marks what the news said, beside the verified facts.
/// </summary>
public sealed record Affiliation(string OrgName, string? OrgId, string? Role, string? From, string? To, string? Source, bool Reported = false);
