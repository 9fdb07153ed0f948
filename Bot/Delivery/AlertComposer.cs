using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Extraction;
using Radar.Storage.Stores;

namespace Radar.Bot.Delivery;

/// <summary>Turns a due outbox row into the platform-neutral alert, in the channel's language.</summary>
public sealed class AlertComposer(KnowledgeProvider knowledge)
{
    /// <summary>The alert for one row. Nothing slow happens here: the summary for the channel's language was made when the story was analysed.</summary>
    public Alert Compose(DueDelivery delivery, IReadOnlyList<AlertSource> sources)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var analysis = delivery.Analysis;
        return new Alert(
            delivery.StoryId, delivery.ExternalId, delivery.ThreadId, delivery.Title, delivery.Summary, delivery.Link, delivery.Source,
            new DateTimeOffset(delivery.PublishedAt, TimeSpan.Zero), delivery.Matched)
        {
            Headline = analysis is null ? null : knowledge.Current.Headline.Render(analysis.Events, delivery.ChannelLanguage),
            Topics = delivery.Topics,
            Language = delivery.ChannelLanguage,
            Style = delivery.Style,
            PingRole = delivery.PingRole,
            Silent = delivery.Silent,
            Tier = delivery.Tier,
            TierNote = TierNote(delivery),
            Follows = delivery.FollowsTitle is { } earlier ? AlertWords.For(delivery.ChannelLanguage).Follows(earlier, delivery.FollowsPublishedAt!.Value) : null,
            People = analysis?.People ?? [],
            Orgs = analysis?.Orgs ?? [],
            Models = analysis?.Models ?? [],
            Sources = sources,
        };
    }

    /// <summary>Where the story stands, and where it was first seen when that was a paper, in the channel's language; null when there is nothing to say.</summary>
    private static string? TierNote(DueDelivery delivery)
    {
        var words = AlertWords.For(delivery.ChannelLanguage);
        var tier = words.Tier(delivery.Tier, delivery.TierBy, delivery.TierChangedAt, delivery.PublishedAt);
        var paper = delivery is { PaperId: { } id, PaperAt: { } at } ? words.Paper(id, at, delivery.PublishedAt, delivery.Tier) : null;
        return tier is null ? paper : paper is null ? tier : tier + " · " + paper;
    }

    /// <summary>Most stories a digest lists; the rest are counted ("and N more").</summary>
    public const int DigestItems = 10;

    /// <summary>One message for a channel's digest rows: headlines grouped by topic, capped.</summary>
    public Alert ComposeDigest(IReadOnlyList<DueDelivery> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = rows[0];
        var language = first.ChannelLanguage;
        var words = AlertWords.For(language);
        var runtime = knowledge.Current;
        var lines = new List<string>();
        var shown = 0;
        foreach (var group in rows.GroupBy(r => r.Topics.Count > 0 ? r.Topics[0] : (Topic?)null).OrderBy(g => g.Key ?? (Topic)int.MaxValue))
        {
            if (shown >= DigestItems)
            {
                break;
            }

            lines.Add(words.DigestTopic(group.Key) + ":");
            foreach (var row in group.Take(DigestItems - shown))
            {
                var headline = (row.Analysis is null ? null : runtime.Headline.Render(row.Analysis.Events, language)) ?? row.Title;
                lines.Add($"• {headline}{(row.Link is null ? string.Empty : " — " + row.Link)}");
                shown++;
            }
        }

        if (rows.Count > shown)
        {
            lines.Add(words.DigestMore(rows.Count - shown));
        }

        return new Alert(first.StoryId, first.ExternalId, first.ThreadId, words.DigestTitle(rows.Count), string.Join('\n', lines), null, "Radar", now, "digest")
        {
            Topics = [.. rows.SelectMany(r => r.Topics).Distinct()],
        };
    }
}
