namespace Radar.Feeds.Papers;

/// <summary>A move read from a new paper: the person's latest organisation before it, and the one the paper lists.</summary>
public sealed record PaperMove(string PersonId, string Person, string FromOrgId, string From, string ToOrgId, string To, string ArxivId, string Date, string PaperTitle)
{
    /// <summary>"Hugo Touvron: Meta → X (inferred from arXiv:2612.01234, 2026-12-03)".</summary>
    public string Title => $"{Person}: {From} → {To} (inferred from arXiv:{ArxivId}, {Date})";
}
