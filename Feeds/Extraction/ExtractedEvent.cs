namespace Radar.Feeds.Extraction;

/// <summary>
/// One event of a story: <c>departure</c>, <c>hire</c>, <c>founding</c>, <c>leadership_change</c>,
/// <c>model_launch</c> or <c>model_delay</c>, with the sentence it came from.
/// </summary>
public sealed record ExtractedEvent(
    string Type,
    string? Person,
    string? From,
    string? To,
    string? Role,
    string? Model,
    string? Org,
    double Confidence,
    string Evidence);
