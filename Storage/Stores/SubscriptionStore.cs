using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Matching;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Subscriptions: what each channel asked for.</summary>
public sealed class SubscriptionStore(RadarDbContext db)
{
    public async Task<SubscriptionRecord> AddAsync(SubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(long channelId, CancellationToken cancellationToken) =>
        await db.Subscriptions.AsNoTracking().Where(s => s.ChannelId == channelId).OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Removes one subscription of the channel (or all when <paramref name="id"/> is null); returns how many went.</summary>
    public Task<int> RemoveAsync(long channelId, long? id, CancellationToken cancellationToken) =>
        db.Subscriptions.Where(s => s.ChannelId == channelId && (id == null || s.Id == id)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The subscriptions of active channels, for the matcher.</summary>
    public async Task<IReadOnlyList<SubscriptionFilter>> ActiveFiltersAsync(CancellationToken cancellationToken) =>
        (await db.Subscriptions.AsNoTracking()
            .Join(db.Channels.Where(c => c.Active), s => s.ChannelId, c => c.Id, (s, c) => new { Subscription = s, c.TimeZone })
            .OrderBy(x => x.Subscription.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(x => new SubscriptionFilter(x.Subscription.Id, x.Subscription.ChannelId, x.Subscription.Topic, x.Subscription.Org, x.Subscription.Person, x.Subscription.Model, x.Subscription.Keyword, x.Subscription.SourceLanguage)
        {
            DigestTime = x.Subscription.Mode == "digest" ? x.Subscription.DigestTime : null,
            QuietHours = x.Subscription.QuietHours,
            TimeZone = x.TimeZone,
        })
        .ToList();
}
