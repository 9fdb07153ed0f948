namespace Radar.Feeds.Knowledge.Flows;

/// <summary>
/// One person's move between two organisations, as one organisation sees it: an arrival (from
/// <see cref="Other"/>) or a departure (to <see cref="Other"/>), in <see cref="Year"/>, with its
/// evidence and source (a fact's source, a story's link, or the two papers of an inferred move).
/// </summary>
public sealed record OrgMove(string PersonId, string Person, bool Arrival, string Other, string? OtherId, int Year, string Date, Evidence Evidence, string? Source);
