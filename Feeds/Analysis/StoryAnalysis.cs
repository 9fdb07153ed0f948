using Radar.Feeds.Clustering;

namespace Radar.Feeds.Analysis;

/// <summary>
/// What Radar understood of one report: the extraction (language, topics, events, names, moves), the
/// structured headline in the report's own language, the short summary alerts show, and the
/// signature the clusterer compares.
/// </summary>
public sealed record StoryAnalysis(Extraction.Extraction Extraction, string? Headline, string Summary, StorySignature Signature)
{
    public string Language => Extraction.Language;
}
