using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Model;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>The feeds table: configuration sync, due feeds, fetch outcomes.</summary>
public sealed class FeedStore(RadarDbContext db)
{
    /// <summary>Makes the table match the configured sources: adds new URLs, renames, disables the ones removed.</summary>
    public async Task SyncAsync(IReadOnlyCollection<FeedSource> sources, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var existing = await db.Feeds.ToDictionaryAsync(f => f.Url, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var source in sources.DistinctBy(s => s.Url, StringComparer.Ordinal))
        {
            if (existing.Remove(source.Url, out var feed))
            {
                feed.Name = source.Name;
                feed.Language = source.Language;
                feed.Enabled = true;
                continue;
            }

            db.Feeds.Add(new FeedRecord { Url = source.Url, Name = source.Name, Language = source.Language, CreatedAt = now, NextPollAt = now });
        }

        foreach (var removed in existing.Values.Where(f => f.AddedBy is null))
        {
            removed.Enabled = false; // feeds added in chat are the owners' to remove
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enabled feeds whose next poll time has come (all enabled feeds when <paramref name="now"/> is null).</summary>
    public async Task<IReadOnlyList<FeedToPoll>> DueAsync(DateTime? now, CancellationToken cancellationToken)
    {
        var query = db.Feeds.AsNoTracking().Where(f => f.Enabled);
        if (now is { } at)
        {
            query = query.Where(f => f.NextPollAt <= at);
        }

        return await query.OrderBy(f => f.NextPollAt)
            .Select(f => new FeedToPoll(f.Id, f.Name, f.Url, f.Language, f.ETag, f.LastModified, f.Primed, f.ConsecutiveFailures))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a successful fetch (200 or 304). Returns true when the feed was failing before.</summary>
    public async Task<bool> RecordSuccessAsync(int feedId, string? etag, string? lastModified, bool primed, DateTime now, DateTime nextPoll, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken).ConfigureAwait(false);
        var recovered = feed.ConsecutiveFailures > 0;
        feed.ETag = etag ?? feed.ETag;
        feed.LastModified = lastModified ?? feed.LastModified;
        feed.Primed |= primed;
        feed.LastPolledAt = now;
        feed.LastSuccessAt = now;
        feed.NextPollAt = nextPoll;
        feed.ConsecutiveFailures = 0;
        feed.LastError = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return recovered;
    }

    /// <summary>Records a failed fetch. Returns true when this failure changes the feed's state (new error, or first failure).</summary>
    public async Task<bool> RecordFailureAsync(int feedId, string error, DateTime now, DateTime nextPoll, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken).ConfigureAwait(false);
        var changed = feed.ConsecutiveFailures == 0 || feed.LastError != error;
        feed.ConsecutiveFailures++;
        feed.LastError = error.Length > 1000 ? error[..1000] : error;
        feed.LastPolledAt = now;
        feed.NextPollAt = nextPoll;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Adds (or re-enables) a feed from chat; returns its id.</summary>
    public async Task<int> AddAsync(string name, string url, string addedBy, DateTime now, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Url == url, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            feed = new FeedRecord { Url = url, Name = name, CreatedAt = now, NextPollAt = now, AddedBy = addedBy };
            db.Feeds.Add(feed);
        }

        feed.Enabled = true;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return feed.Id;
    }

    /// <summary>Disables a feed added in chat. Returns null when done, else why not.</summary>
    public async Task<string?> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == id && f.Enabled, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            return $"There is no feed #{id}. See /feeds.";
        }

        if (feed.AddedBy is null)
        {
            return $"Feed #{id} comes from the configuration (Radar:Feeds); remove it there.";
        }

        feed.Enabled = false;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<IReadOnlyList<FeedHealth>> HealthAsync(CancellationToken cancellationToken) =>
        await db.Feeds.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new FeedHealth(f.Id, f.Name, f.Url, f.Enabled, f.LastSuccessAt, f.ConsecutiveFailures, f.LastError, f.NextPollAt, f.Language))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
