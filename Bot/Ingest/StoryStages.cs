using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// A story's stages as reports arrive: a confirmation or a denial that joins a story moves its tier
/// (its sent alerts are edited at once, not at the pace of "also reported by", and a confirmation
/// reaches the <c>confirmed:only</c> channels now); a later report never moves it back to reported.
/// A new story is linked to the earlier one it follows (<see cref="StoryThreads"/>).
/// </summary>
public static class StoryStages
{
    /// <summary>Applies a joining report's tier; returns how many alerts it queued (for <c>confirmed:only</c> channels).</summary>
    public static async Task<int> JoinAsync(StoryStore stories, DeliveryStore deliveries, long storyId, Extraction report, DateTime reportedAt, DateTime now, Func<IReadOnlyList<DeliveryTarget>>? route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(report);
        var (tier, by) = await stories.TierAsync(storyId, cancellationToken).ConfigureAwait(false);
        var news = report.Tier != tier || (report.ConfirmedBy is not null && by is null); // an organisation's own word counts, even after a journalist's
        if (!news || report.Tier == ClaimTier.Reported)
        {
            await deliveries.ScheduleEditsAsync(storyId, now, Delivery.DeliveryDispatcher.EditInterval, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        await stories.SetTierAsync(storyId, report.Tier, report.ConfirmedBy ?? by, reportedAt, cancellationToken).ConfigureAwait(false);
        await deliveries.ScheduleEditsAsync(storyId, now, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return report.Tier == ClaimTier.Confirmed && route is not null
            ? await deliveries.EnqueueAsync(storyId, route(), now, cancellationToken).ConfigureAwait(false)
            : 0;
    }

    /// <summary>
    /// The story a move was first seen as, on a paper (tier inferred, within <see cref="StoryThreads.Window"/>
    /// before the report): the news of the same move joins it instead of making a story of its own.
    /// </summary>
    public static async Task<long?> FirstSeenOnPaperAsync(StoryStore stories, StoryAnalyser analyser, StoryAnalysis report, DateTime published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(analyser);
        ArgumentNullException.ThrowIfNull(report);
        var keys = report.Signature.EventKeys.Where(k => k.StartsWith("move:", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        foreach (var (id, _, earlier) in await stories.ThreadCandidatesAsync(keys, published - StoryThreads.Window, published + TimeSpan.FromDays(1), cancellationToken, inferredOnly: true).ConfigureAwait(false))
        {
            if (earlier is not null && analyser.EventKeys(earlier).Any(report.Signature.EventKeys.Contains))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The earlier story (within <see cref="StoryThreads.Window"/>) the new one follows, or null.</summary>
    public static async Task<long?> FollowsAsync(StoryStore stories, StoryAnalyser analyser, Extraction extraction, DateTime published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(analyser);
        var keys = analyser.ThreadKeys(extraction);
        if (keys.Count == 0)
        {
            return null;
        }

        foreach (var (id, tier, earlier) in await stories.ThreadCandidatesAsync(keys, published - StoryThreads.Window, published, cancellationToken).ConfigureAwait(false))
        {
            if (earlier is not null && StoryThreads.Follows(extraction, earlier, tier) is not null)
            {
                return id;
            }
        }

        return null;
    }
}
