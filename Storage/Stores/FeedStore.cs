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
                feed.Official = source.Official;
                feed.Enabled = true;
                continue;
            }

            db.Feeds.Add(new FeedRecord { Url = source.Url, Name = source.Name, Language = source.Language, Official = source.Official, CreatedAt = now, NextPollAt = now });
        }

        foreach (var removed in existing.Values.Where(f => f.AddedBy is null))
        {
            removed.Enabled = false; // feeds added in chat are the owners' to remove
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> enabled feeds whose next poll time has come (every
    /// enabled feed when <paramref name="dueOnly"/> is false) that no other instance holds, for
    /// <paramref name="holder"/> until <paramref name="until"/>, and returns them. On PostgreSQL the
    /// claim skips rows another instance is claiming at the same moment (<c>FOR UPDATE SKIP LOCKED</c>),
    /// so instances polling together share the due feeds and none is fetched twice; a claim that runs
    /// out (its instance died) is taken over. The claim ends when the outcome is recorded.
    /// </summary>
    public async Task<IReadOnlyList<FeedToPoll>> ClaimDueAsync(bool dueOnly, string holder, DateTime now, DateTime until, int limit, CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQueryRaw<int>(
            ClaimSql.Replace("{lock}", db.OnPostgres ? "FOR UPDATE SKIP LOCKED" : string.Empty, StringComparison.Ordinal),
            db.Parameter("holder", holder), db.Parameter("until", until), db.Parameter("now", now), db.Parameter("dueOnly", dueOnly), db.Parameter("limit", limit))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await ToPoll(db.Feeds.Where(f => claimed.Contains(f.Id)).OrderBy(f => f.NextPollAt), now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string ClaimSql = """
        UPDATE feeds SET "ClaimedBy" = @holder, "ClaimedUntil" = @until
        WHERE "Id" IN (
            SELECT "Id" FROM feeds
            WHERE "Enabled" AND (NOT @dueOnly OR "NextPollAt" <= @now) AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
            ORDER BY "NextPollAt" LIMIT @limit {lock})
        RETURNING "Id" AS "Value"
        """;

    /// <summary>One enabled feed as the poller sees it, or null.</summary>
    public Task<FeedToPoll?> GetAsync(int feedId, DateTime now, CancellationToken cancellationToken) =>
        ToPoll(db.Feeds.Where(f => f.Id == feedId && f.Enabled), now).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Feeds as the poller sees them: validators, rhythm, and whether a verified WebSub subscription pushes them at <paramref name="now"/>.</summary>
    private IQueryable<FeedToPoll> ToPoll(IQueryable<FeedRecord> feeds, DateTime now) =>
        feeds.AsNoTracking().Select(f => new FeedToPoll(f.Id, f.Name, f.Url, f.Language, f.ETag, f.LastModified, f.Primed, f.ConsecutiveFailures, f.PollInterval,
            db.WebSubSubscriptions.Any(w => w.FeedId == f.Id && w.Requested == WebSubModes.Subscribe && w.ExpiresAt > now))
        { Official = f.Official });

    /// <summary>Records a successful fetch (200 or 304). Returns true when the feed was failing before.</summary>
    public async Task<bool> RecordSuccessAsync(int feedId, string? etag, string? lastModified, bool primed, DateTime now, DateTime nextPoll, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken).ConfigureAwait(false);
        var recovered = feed.ConsecutiveFailures > 0;
        feed.ETag = etag ?? feed.ETag;
        feed.LastModified = lastModified ?? feed.LastModified;
        feed.Primed |= primed;
        feed.LastPolledAt = now;
        feed.LastSuccessAt = now;
        feed.NextPollAt = nextPoll;
        feed.PollInterval = interval ?? feed.PollInterval;
        feed.ConsecutiveFailures = 0;
        feed.LastError = null;
        feed.ClaimedBy = null;
        feed.ClaimedUntil = null;
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
        feed.ClaimedBy = null;
        feed.ClaimedUntil = null;
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

    /// <summary>Enabled feeds failing since before <paramref name="failingSince"/> (their last success, or their creation) whose owners were not told yet.</summary>
    public async Task<IReadOnlyList<FeedHealth>> BrokenUntoldAsync(DateTime failingSince, CancellationToken cancellationToken) =>
        await db.Feeds.AsNoTracking()
            .Where(f => f.Enabled && f.ConsecutiveFailures > 0 && f.BrokenNoticeAt == null && (f.LastSuccessAt ?? f.CreatedAt) <= failingSince)
            .OrderBy(f => f.Id)
            .Select(Health)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Feeds the owners were told are broken that work again, or that left the list since.</summary>
    public async Task<IReadOnlyList<FeedHealth>> RecoveredUntoldAsync(CancellationToken cancellationToken) =>
        await db.Feeds.AsNoTracking()
            .Where(f => f.BrokenNoticeAt != null && (f.ConsecutiveFailures == 0 || !f.Enabled))
            .OrderBy(f => f.Id)
            .Select(Health)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records that the owners were told the feed is broken (a time) or that it recovered (null).</summary>
    public Task SetBrokenNoticeAsync(int feedId, DateTime? toldAt, CancellationToken cancellationToken) =>
        db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.BrokenNoticeAt, toldAt), cancellationToken);

    /// <summary>What <c>/feeds</c>, <c>/healthz</c> and the owners' notices show of a feed.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<FeedRecord, FeedHealth>> Health =
        f => new FeedHealth(f.Id, f.Name, f.Url, f.Enabled, f.LastSuccessAt, f.ConsecutiveFailures, f.LastError, f.NextPollAt, f.Language);

    public async Task<IReadOnlyList<FeedHealth>> HealthAsync(CancellationToken cancellationToken) =>
        await db.Feeds.AsNoTracking().OrderBy(f => f.Id)
            .Select(Health)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
