namespace Radar.Feeds.Knowledge.Flows;

/// <summary>
/// One author of a model and where they are now, as far as Radar knows: the latest known
/// organisation with its date, evidence and source; null when nothing is known after the model itself.
/// </summary>
public sealed record TeamMember(string PersonId, string Person, string? Org, string? OrgId, string? Date, Evidence? Evidence, string? Source, TeamPlace Place);
