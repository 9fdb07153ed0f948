using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Feeds' WebSub subscriptions: discovered by polls, driven by the subscriber, verified by the hub.</summary>
public sealed class WebSubStore(RadarDbContext db)
{
    /// <summary>
    /// Records the hub a poll found for a feed. A new hub or topic starts a new subscription (new
    /// callback key and secret) that is due at once. Returns true when something changed.
    /// </summary>
    public async Task<bool> DiscoverAsync(int feedId, string hub, string topic, DateTime now, CancellationToken cancellationToken)
    {
        var subscription = await db.WebSubSubscriptions.SingleOrDefaultAsync(w => w.FeedId == feedId, cancellationToken).ConfigureAwait(false);
        if (subscription is not null && subscription.Hub == hub && subscription.Topic == topic)
        {
            return false;
        }

        if (subscription is null)
        {
            subscription = new WebSubSubscriptionRecord { FeedId = feedId, Hub = hub, Topic = topic, CallbackKey = NewKey(), Secret = NewKey() };
            db.WebSubSubscriptions.Add(subscription);
        }
        else
        {
            (subscription.Hub, subscription.Topic, subscription.CallbackKey, subscription.Secret) = (hub, topic, NewKey(), NewKey());
        }

        subscription.Requested = WebSubModes.Subscribe;
        subscription.ExpiresAt = null;
        subscription.NextAttemptAt = now;
        subscription.Failures = 0;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The subscriptions the subscriber must act on now: due ones (subscribe, renew, retry), and those
    /// whose feed was removed and that were not unsubscribed yet. Tracked: change them and call <see cref="SaveAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<(WebSubSubscriptionRecord Subscription, bool FeedEnabled)>> DueAsync(DateTime now, CancellationToken cancellationToken) =>
        (await db.WebSubSubscriptions
            .Join(db.Feeds, w => w.FeedId, f => f.Id, (w, f) => new { Subscription = w, f.Enabled })
            .Where(x => x.Subscription.NextAttemptAt <= now || (!x.Enabled && x.Subscription.Requested != WebSubModes.Unsubscribe))
            .OrderBy(x => x.Subscription.NextAttemptAt).Take(100)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(x => (x.Subscription, x.Enabled)).ToList();

    /// <summary>The subscription a callback URL names (tracked), or null.</summary>
    public Task<WebSubSubscriptionRecord?> FindAsync(string callbackKey, CancellationToken cancellationToken) =>
        db.WebSubSubscriptions.SingleOrDefaultAsync(w => w.CallbackKey == callbackKey, cancellationToken);

    public void Remove(WebSubSubscriptionRecord subscription) => db.WebSubSubscriptions.Remove(subscription);

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>The subscriptions, for the dashboard's feeds page.</summary>
    public async Task<IReadOnlyList<WebSubSubscriptionRecord>> ListAsync(CancellationToken cancellationToken) =>
        await db.WebSubSubscriptions.AsNoTracking().OrderBy(w => w.FeedId).ToListAsync(cancellationToken).ConfigureAwait(false);

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
