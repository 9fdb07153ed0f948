using Radar.Feeds.Model;

namespace Radar.Feeds.Analysis;

/// <summary>
/// What the analysis reads of a report: its title, summary, declared language (if any), link, and
/// the organisation whose own feed carried it, if the feed is marked official for one.
/// </summary>
public sealed record AnalysisInput(string Title, string? Summary = null, string? Language = null, string? Link = null, string? Official = null)
{
    public static AnalysisInput Of(FeedEntry entry, string? official = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AnalysisInput(entry.Title, entry.Summary, entry.Language, entry.Link, official);
    }
}
