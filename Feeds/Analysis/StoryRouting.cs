using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
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

    /// <summary>
    /// The known story this report is another source of, or null for a new story. Reports published
    /// more than <see cref="StoryClusterer.Window"/> apart are different stories (a back catalogue's
    /// old move of the same person is not today's), unless they share their link.
    /// </summary>
    public static KnownStory? SameAs(StorySignature signature, IEnumerable<KnownStory> recent, DateTimeOffset? published = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(recent);
        bool Near(KnownStory known) => published is not { } at || known.Published is not { } then || (at.UtcDateTime - then).Duration() <= StoryClusterer.Window;
        return recent.FirstOrDefault(known => (Near(known) || (signature.Link is not null && signature.Link == known.Signature.Link)) && StoryClusterer.SameStory(signature, known.Signature));
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

    /// <summary>
    /// The channels whose subscriptions match, each once, with when (instant, quiet hours, digest)
    /// and why. A story that is not confirmed goes to no <c>confirmed:only</c> subscription.
    /// </summary>
    public static IReadOnlyList<DeliveryTarget> Route(StoryFacts facts, SubscriptionIndex subscriptions, DateTimeOffset now, Func<string, string> entityName, ClaimTier tier = ClaimTier.Confirmed)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        return [.. subscriptions.Match(facts, tier).Select(s =>
        {
            var (due, digest) = DeliverySchedule.When(s, now);
            return new DeliveryTarget(s.ChannelId, s.Why(facts, entityName), due.UtcDateTime, digest, s.ChannelLanguage) { PingRole = s.PingRole, Silent = s.Silent };
        })];
    }
}
