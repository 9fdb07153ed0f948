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
    public async Task<long> EnsureAsync(string platform, string externalId, string displayName, bool subscribeToEverything, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Channels.AsNoTracking()
            .Where(c => c.Platform == platform && c.ExternalId == externalId && c.ThreadId == string.Empty)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is { } id)
        {
            return id;
        }

        var channel = new ChannelRecord { Platform = platform, ExternalId = externalId, DisplayName = displayName, CreatedAt = now };
        db.Channels.Add(channel);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.Entry(channel).State = EntityState.Detached;
            return await EnsureAsync(platform, externalId, displayName, subscribeToEverything, now, cancellationToken).ConfigureAwait(false);
        }

        if (subscribeToEverything)
        {
            db.Subscriptions.Add(new SubscriptionRecord { ChannelId = channel.Id, Topic = "all", CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return channel.Id;
    }

    /// <summary>Active channels with an unfiltered <c>all</c> subscription: they get every story.</summary>
    public async Task<IReadOnlyList<long>> SubscribedToEverythingAsync(CancellationToken cancellationToken) =>
        await db.Subscriptions.AsNoTracking()
            .Where(s => s.Topic == "all" && s.Org == null && s.Person == null && s.Model == null && s.Keyword == null && s.SourceLanguage == null)
            .Join(db.Channels.Where(c => c.Active), s => s.ChannelId, c => c.Id, (s, c) => c.Id)
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
}
