using Radar.Feeds.Analysis;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;

namespace Radar.Bot.Dashboard.Pages;

/// <summary>A story as the dashboard shows it: what the analysis understood, and every source.</summary>
public sealed record StoryView(long Id, string Title, string? Headline, string? Link, string Language, DateTime PublishedAt, IReadOnlyList<string> Topics, IReadOnlyList<string> People, IReadOnlyList<string> Orgs, IReadOnlyList<string> Models, IReadOnlyList<(string Feed, string? Link)> Sources)
{
    public static StoryView From(StoryRecord story, Headline headline, IReadOnlyDictionary<long, List<(string Feed, string? Link)>> sources)
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
            story.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries),
            analysis?.People ?? [],
            analysis?.Orgs ?? [],
            analysis?.Models ?? [],
            sources.GetValueOrDefault(story.Id) is { } found ? found : [(story.Source, story.Link)]);
    }
}
