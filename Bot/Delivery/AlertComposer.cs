using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Summaries;
using Radar.Storage.Stores;
using FeedExtraction = Radar.Feeds.Extraction.Extraction;

namespace Radar.Bot.Delivery;

/// <summary>Turns a due outbox row into the platform-neutral alert, in the channel's language.</summary>
public sealed class AlertComposer(KnowledgeProvider knowledge, LlmSummarizer llm, IMemoryCache cache)
{
    public async Task<Alert> ComposeAsync(DueDelivery delivery, IReadOnlyList<AlertSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var analysis = delivery.Analysis is null ? null : JsonSerializer.Deserialize<FeedExtraction>(delivery.Analysis);
        var summary = await SummaryAsync(delivery, cancellationToken).ConfigureAwait(false);
        return new Alert(
            delivery.StoryId, delivery.ExternalId, delivery.ThreadId, delivery.Title, summary, delivery.Link, delivery.Source,
            new DateTimeOffset(delivery.PublishedAt, TimeSpan.Zero), delivery.Matched)
        {
            Headline = analysis is null ? null : knowledge.Current.Headline.Render(analysis.Events, delivery.ChannelLanguage),
            Topics = delivery.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries),
            People = analysis?.People ?? [],
            Orgs = analysis?.Orgs ?? [],
            Models = analysis?.Models ?? [],
            Sources = sources,
        };
    }

    /// <summary>The LLM's summary in the channel's language when configured (one call per story and language), else the extractive one.</summary>
    private async Task<string> SummaryAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var extractive = ExtractiveSummary.Create(delivery.Summary);
        if (!llm.Enabled)
        {
            return extractive;
        }

        var key = (delivery.StoryId, delivery.ChannelLanguage);
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return cached;
        }

        var summary = await llm.SummarizeAsync(delivery.Title, delivery.Summary, delivery.ChannelLanguage, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return extractive;
        }

        cache.Set(key, summary, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1), Size = 1 });
        return summary;
    }
}
