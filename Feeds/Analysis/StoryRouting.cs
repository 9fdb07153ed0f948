using Radar.Feeds.Clustering;
using Radar.Feeds.Matching;
using Radar.Feeds.Model;

namespace Radar.Feeds.Analysis;

/// <summary>
/// The decisions after analysis, as pure functions: is the report a story we already have, which
/// entries of a batch may alert, and where a new story goes.
/// </summary>
public static class StoryRouting
{
    /// <summary>On a feed's first fetch, only entries this recent alert (at most <see cref="FirstFetchAlerts"/>).</summary>
    public static readonly TimeSpan FirstFetchWindow = TimeSpan.FromHours(24);

    public const int FirstFetchAlerts = 5;

    /// <summary>The known story this report is another source of, or null for a new story.</summary>
    public static KnownStory? SameAs(StorySignature signature, IEnumerable<KnownStory> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        return recent.FirstOrDefault(known => StoryClusterer.SameStory(signature, known.Signature));
    }

    /// <summary>
    /// Which entries of a batch may alert: all of them once the feed is primed; on its first fetch
    /// only the few most recent (the rest of its back catalogue is remembered silently).
    /// </summary>
    public static Func<FeedEntry, bool> MayAlert(bool primed, IEnumerable<FeedEntry> batch, DateTimeOffset now)
    {
        if (primed)
        {
            return _ => true;
        }

        var recent = batch.Where(e => e.Published >= now - FirstFetchWindow).OrderByDescending(e => e.Published).Take(FirstFetchAlerts).ToHashSet();
        return recent.Contains;
    }

    /// <summary>The channels whose subscriptions match, each once, with when (instant, quiet hours, digest) and why.</summary>
    public static IReadOnlyList<DeliveryTarget> Route(StoryFacts facts, SubscriptionIndex subscriptions, DateTimeOffset now, Func<string, string> entityName)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        return [.. subscriptions.Match(facts).Select(s =>
        {
            var (due, digest) = DeliverySchedule.When(s, now);
            return new DeliveryTarget(s.ChannelId, s.Why(facts, entityName), due.UtcDateTime, digest, s.ChannelLanguage) { PingRole = s.PingRole, Silent = s.Silent };
        })];
    }
}
