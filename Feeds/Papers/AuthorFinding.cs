namespace Radar.Feeds.Papers;

/// <summary>
/// One author of a new paper as read against the knowledge base: the person (null when unknown or
/// ambiguous), how they were recognised, the organisations the paper lists them at (ids, new ones
/// included), and what it means.
/// </summary>
public sealed record AuthorFinding(string Name, AuthorOutcome Outcome, string? PersonId, string? Orcid, IReadOnlyList<string> OrgIds, PaperMove? Move = null)
{
    /// <summary>True when the paper belongs in the person's paper trail (an appearance at <see cref="OrgIds"/>).</summary>
    public bool Appears => PersonId is not null && OrgIds.Count > 0 && Outcome is AuthorOutcome.Joint or AuthorOutcome.FirstSeen or AuthorOutcome.Unchanged or AuthorOutcome.Moved;
}
