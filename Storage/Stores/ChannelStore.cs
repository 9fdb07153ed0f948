using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Chat channels and their subscriptions.</summary>
public sealed class ChannelStore(RadarDbContext db)
{
    /// <summary>
    /// Returns the channel's id, creating it on first sight; a channel created with
    /// <paramref name="subscribeToEverything"/> starts with one unfiltered <c>all</c> subscription.
    /// </summary>
    public async Task<long> EnsureAsync(string platform, string externalId, string displayName, bool subscribeToEverything, DateTime now, CancellationToken cancellationToken, string threadId = "")
    {
        var existing = await db.Channels.AsNoTracking()
            .Where(c => c.Platform == platform && c.ExternalId == externalId && c.ThreadId == threadId)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is { } id)
        {
            return id;
        }

        var channel = new ChannelRecord { Platform = platform, ExternalId = externalId, ThreadId = threadId, DisplayName = displayName, CreatedAt = now };
        if (!await UniqueViolation.TryInsertAsync(db, channel, cancellationToken).ConfigureAwait(false))
        {
            return await EnsureAsync(platform, externalId, displayName, subscribeToEverything, now, cancellationToken, threadId).ConfigureAwait(false);
        }

        if (subscribeToEverything)
        {
            db.Subscriptions.Add(new SubscriptionRecord { ChannelId = channel.Id, Topic = SubscriptionTopic.All, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return channel.Id;
    }

    public Task<ChannelRecord?> FindAsync(string platform, string externalId, CancellationToken cancellationToken) =>
        db.Channels.SingleOrDefaultAsync(c => c.Platform == platform && c.ExternalId == externalId && c.ThreadId == string.Empty, cancellationToken);

    public Task<ChannelRecord?> GetAsync(long id, CancellationToken cancellationToken) => db.Channels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task SetLanguageAsync(long channelId, string language, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
        channel.Language = language;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chat moved (a Telegram group became a supergroup): the channel keeps its subscriptions under the new id.</summary>
    public async Task MoveAsync(string platform, string externalId, string newExternalId, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.Where(c => c.Platform == platform && c.ExternalId == externalId).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            channel.ExternalId = newExternalId;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task SetStyleAsync(long channelId, AlertStyle style, CancellationToken cancellationToken) =>
        db.Channels.Where(c => c.Id == channelId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Style, style), cancellationToken);

    public async Task SetTimeZoneAsync(long channelId, string timeZone, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
        channel.TimeZone = timeZone;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The channel is gone or refuses us: no more deliveries, subscriptions kept. Returns false if it was inactive already.</summary>
    public async Task<bool> DeactivateAsync(long channelId, string reason, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
        if (!channel.Active)
        {
            return false;
        }

        channel.Active = false;
        channel.InactiveReason = reason.Length > 500 ? reason[..500] : reason;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task ReactivateAsync(long channelId, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
        channel.Active = true;
        channel.InactiveReason = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
