using System.Text.Json;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Summaries;
using Radar.Storage.Stores;
using FeedExtraction = Radar.Feeds.Extraction.Extraction;

namespace Radar.Bot.Delivery;

/// <summary>Turns a due outbox row into the platform-neutral alert, in the channel's language.</summary>
public sealed class AlertComposer(KnowledgeProvider knowledge)
{
    public Alert Compose(DueDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var analysis = delivery.Analysis is null ? null : JsonSerializer.Deserialize<FeedExtraction>(delivery.Analysis);
        return new Alert(
            delivery.StoryId, delivery.ExternalId, delivery.ThreadId, delivery.Title, ExtractiveSummary.Create(delivery.Summary), delivery.Link, delivery.Source,
            new DateTimeOffset(delivery.PublishedAt, TimeSpan.Zero), delivery.Matched)
        {
            Headline = analysis is null ? null : knowledge.Current.Headline.Render(analysis.Events, delivery.ChannelLanguage),
            Topics = delivery.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries),
            People = analysis?.People ?? [],
            Orgs = analysis?.Orgs ?? [],
            Models = analysis?.Models ?? [],
        };
    }
}
