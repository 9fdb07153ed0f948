using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary>A story as the dashboard shows it: what the analysis understood, every source, its tier and the thread it continues.</summary>
public sealed record StoryView(long Id, string Title, string? Headline, string? Link, string Language, DateTime PublishedAt, IReadOnlyList<Topic> Topics, IReadOnlyList<string> People, IReadOnlyList<string> Orgs, IReadOnlyList<string> Models, IReadOnlyList<(string Feed, string? Link)> Sources)
{
    /// <summary>"reported", "confirmed" or "denied".</summary>
    public string Tier { get; init; } = "confirmed";

    /// <summary>Who confirmed or denied it, when an official feed did.</summary>
    public string? TierBy { get; init; }

    /// <summary>The earlier stories of its thread, the earliest first.</summary>
    public IReadOnlyList<StoryLink> Thread { get; init; } = [];

    public static StoryView From(StoryRecord story, Headline headline, IReadOnlyDictionary<long, List<(string Feed, string? Link)>> sources, IReadOnlyDictionary<long, IReadOnlyList<StoryLink>>? threads = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(sources);
        var analysis = AnalysisJson.Read(story.Analysis);
        return new StoryView(
            story.Id,
            story.Title,
            analysis is null ? null : headline.Render(analysis.Events, "en"),
            story.Link,
            story.Language,
            story.PublishedAt,
            TopicText.Split(story.Topics),
            analysis?.People ?? [],
            analysis?.Orgs ?? [],
            analysis?.Models ?? [],
            sources.GetValueOrDefault(story.Id) is { } found ? found : [(story.Source, story.Link)])
        {
            Tier = story.Tier.ToString().ToLowerInvariant(),
            TierBy = story.TierBy,
            Thread = threads?.GetValueOrDefault(story.Id) ?? [],
        };
    }
}
