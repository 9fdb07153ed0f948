namespace Radar.Feeds.Extraction;

/// <summary>
/// One event of a story (a move or a model's launch or delay), with the sentence it came from.
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
    string Evidence);
