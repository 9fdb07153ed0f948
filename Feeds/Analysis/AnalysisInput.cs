using Radar.Feeds.Model;

namespace Radar.Feeds.Analysis;

/// <summary>What the analysis reads of a report: its title, summary, declared language (if any) and link.</summary>
public sealed record AnalysisInput(string Title, string? Summary = null, string? Language = null, string? Link = null)
{
    public static AnalysisInput Of(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AnalysisInput(entry.Title, entry.Summary, entry.Language, entry.Link);
    }
}
