namespace Radar.Feeds.Knowledge.Epoch;

/// <summary>One model of Epoch AI's Notable AI Models dataset, its cells cleaned and split.</summary>
public sealed record EpochRow(
    string Model,
    IReadOnlyList<string> Organizations,
    string? Date,
    string? Link,
    IReadOnlyList<string> Authors,
    string? Accessibility,
    double? Parameters,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Countries,
    string Prose);
