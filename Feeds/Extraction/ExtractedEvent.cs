namespace Radar.Feeds.Extraction;

/// <summary>
/// One event of a story (a move or a model's launch or delay), with the sentence it came from and,
/// for a move, why it was read so (the cues and where each side came from: <c>extract --explain</c>).
/// </summary>
public sealed record ExtractedEvent(
    EventKind Type,
    string? Person,
    string? From,
    string? To,
    string? Role,
    string? Model,
    string? Org,
    double Confidence,
    string Evidence,
    string? Why = null)
{
    /// <summary>How sure the report is of this claim.</summary>
    public ClaimTier Tier { get; init; }
}
