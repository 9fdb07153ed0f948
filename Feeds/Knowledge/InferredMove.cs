namespace Radar.Feeds.Knowledge;

/// <summary>
/// A move read from a paper trail, not reported by anyone: the person was an author at
/// <paramref name="FromOrgId"/> on <paramref name="Last"/>.Date and at <paramref name="ToOrgId"/> on
/// <paramref name="First"/>.Date, so moved between the two dates.
/// </summary>
public sealed record InferredMove(string FromOrgId, string ToOrgId, Appearance Last, Appearance First);
