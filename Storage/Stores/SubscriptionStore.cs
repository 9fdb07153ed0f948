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
            .Join(db.Channels.Where(c => c.Active), s => s.ChannelId, c => c.Id, (s, c) => new { Subscription = s, c.TimeZone, c.Language })
            .OrderBy(x => x.Subscription.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(x => Filter(x.Subscription) with
        {
            DigestTime = x.Subscription.Mode == DeliveryMode.Digest ? x.Subscription.DigestTime : null,
            QuietHours = x.Subscription.QuietHours,
            TimeZone = x.TimeZone,
            ChannelLanguage = x.Language,
        })
        .ToList();

    /// <summary>The matcher's view of a stored subscription.</summary>
    public static SubscriptionFilter Filter(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new SubscriptionFilter(subscription.Id, subscription.ChannelId, subscription.Topic.ToTopic(), subscription.Org, subscription.Person, subscription.Model, subscription.Keyword, subscription.SourceLanguage)
        {
            Exclude = SplitExclude(subscription.Exclude),
            Pattern = StoredPattern(subscription.Pattern, subscription.Id),
            ExcludePattern = StoredPattern(subscription.ExcludePattern, subscription.Id),
            PingRole = subscription.PingRole,
            Silent = subscription.Silent,
            ConfirmedOnly = subscription.ConfirmedOnly,
            Papers = subscription.Papers,
        };
    }

    /// <summary>Excluded phrases as stored: one per line.</summary>
    public static string? JoinExclude(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        return phrases.Count == 0 ? null : string.Join('\n', phrases);
    }

    private static string[] SplitExclude(string? stored) => stored?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static TextPattern? StoredPattern(string? source, long id) =>
        source is null ? null : TextPattern.TryCreate(source, out var error) ?? throw new InvalidDataException($"Subscription #{id} has a pattern Radar cannot run: {error}");
}
