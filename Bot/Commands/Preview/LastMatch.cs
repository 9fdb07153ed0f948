using Radar.Bot.Knowledge;
using Radar.Feeds.Analysis;
using Radar.Feeds.Matching;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Preview;

/// <summary>The most recent stored story some subscriptions would have matched, and the one that matched it: what <c>/preview</c> and <c>/subscribe</c> show.</summary>
public sealed class LastMatch(StoryStore stories, KnowledgeProvider knowledge)
{
    /// <summary>How many recent on-topic stories are looked through.</summary>
    public const int Lookback = 200;

    public async Task<(StoryRecord Story, string Headline, SubscriptionFilter Match)?> FindAsync(IReadOnlyList<SubscriptionFilter> filters, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var runtime = knowledge.Current;
        var index = new SubscriptionIndex(filters);
        foreach (var story in await stories.LatestAsync(Lookback, cancellationToken, onTopic: true).ConfigureAwait(false))
        {
            var extraction = AnalysisJson.Read(story.Analysis);
            if (extraction is not null && index.Match(runtime.Facts(extraction, story.Title, story.Summary)).FirstOrDefault() is { } match)
            {
                return (story, runtime.Headline.Render(extraction.Events, language) ?? story.Title, match);
            }
        }

        return null;
    }

    /// <summary>"2 days ago", "3 hours ago", "just now".</summary>
    public static string Ago(DateTime then, DateTimeOffset now)
    {
        var age = now.UtcDateTime - then;
        static string Count(int n, string unit) => $"{n} {unit}{(n == 1 ? string.Empty : "s")} ago";
        return age.TotalDays >= 1 ? Count((int)age.TotalDays, "day")
            : age.TotalHours >= 1 ? Count((int)age.TotalHours, "hour")
            : age.TotalMinutes >= 1 ? Count((int)age.TotalMinutes, "minute")
            : "just now";
    }
}
