using Radar.Feeds.Model;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>The feeds table: configuration sync, due feeds, fetch outcomes.</summary>
public sealed class FeedStore(RadarDatabase db)
{
    /// <summary>Makes the table match the configured sources: adds new URLs, renames, disables the ones removed.</summary>
    public async Task SyncAsync(IReadOnlyCollection<FeedSource> sources, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var existing = (await db.QueryAsync("""SELECT "Id", "Url", "AddedBy" FROM feeds""", r => (Id: r.GetInt32(0), Url: r.GetString(1), AddedBy: r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(f => f.Url, StringComparer.Ordinal);
        foreach (var source in sources.DistinctBy(s => s.Url, StringComparer.Ordinal))
        {
            if (existing.Remove(source.Url, out var feed))
            {
                await db.ExecuteAsync(
                    """UPDATE feeds SET "Name" = @name, "Language" = @language, "Official" = @official, "Enabled" = TRUE WHERE "Id" = @id""",
                    cancellationToken, ("name", source.Name), ("language", source.Language), ("official", source.Official), ("id", feed.Id)).ConfigureAwait(false);
                continue;
            }

            await db.ExecuteAsync(
                """
                INSERT INTO feeds ("Url", "Name", "Language", "Official", "Enabled", "CreatedAt", "NextPollAt", "Primed", "ConsecutiveFailures")
                VALUES (@url, @name, @language, @official, TRUE, @now, @now, FALSE, 0)
                """,
                cancellationToken, ("url", source.Url), ("name", source.Name), ("language", source.Language), ("official", source.Official), ("now", now)).ConfigureAwait(false);
        }

        foreach (var removed in existing.Values.Where(f => f.AddedBy is null))
        {
            // feeds added in chat are the owners' to remove
            await db.ExecuteAsync("""UPDATE feeds SET "Enabled" = FALSE WHERE "Id" = @id""", cancellationToken, ("id", removed.Id)).ConfigureAwait(false);
        }
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
        var claimed = await db.QueryAsync(
            ClaimSql.Replace("{lock}", db.OnPostgres ? "FOR UPDATE SKIP LOCKED" : string.Empty, StringComparison.Ordinal),
            r => r.GetInt32(0),
            cancellationToken, ("holder", holder), ("until", until), ("now", now), ("dueOnly", dueOnly), ("limit", limit)).ConfigureAwait(false);
        return claimed.Count == 0 ? [] : await ToPollAsync($"""f."Id" IN ({string.Join(',', claimed)}) ORDER BY f."NextPollAt" """, now, cancellationToken).ConfigureAwait(false);
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
    public async Task<FeedToPoll?> GetAsync(int feedId, DateTime now, CancellationToken cancellationToken) =>
        (await ToPollAsync("""f."Id" = @id AND f."Enabled" """, now, cancellationToken, ("id", feedId)).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Feeds as the poller sees them: validators, rhythm, and whether a verified WebSub subscription pushes them at <paramref name="now"/>.</summary>
    private Task<List<FeedToPoll>> ToPollAsync(string where, DateTime now, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        db.QueryAsync(
            $"""
            SELECT f."Id", f."Name", f."Url", f."Language", f."ETag", f."LastModified", f."Primed", f."ConsecutiveFailures", f."PollInterval", f."Official",
                EXISTS (SELECT 1 FROM websub_subscriptions w WHERE w."FeedId" = f."Id" AND w."Requested" = @subscribe AND w."ExpiresAt" > @now)
            FROM feeds f WHERE {where}
            """,
            r => new FeedToPoll(r.GetInt32(0), r.GetString(1), r.GetString(2), RadarDatabase.TextOrNull(r, 3), RadarDatabase.TextOrNull(r, 4), RadarDatabase.TextOrNull(r, 5), r.GetBoolean(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetFieldValue<TimeSpan>(8), r.GetBoolean(10)) { Official = RadarDatabase.TextOrNull(r, 9) },
            cancellationToken, [.. parameters, ("subscribe", WebSubModes.Subscribe), ("now", now)]);


    /// <summary>Records a successful fetch (200 or 304). Returns true when the feed was failing before.</summary>
    public async Task<bool> RecordSuccessAsync(int feedId, string? etag, string? lastModified, bool primed, DateTime now, DateTime nextPoll, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        var failures = await FailuresAsync(feedId, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(
            """
            UPDATE feeds SET "ETag" = COALESCE(@etag, "ETag"), "LastModified" = COALESCE(@lastModified, "LastModified"), "Primed" = ("Primed" OR @primed),
                "LastPolledAt" = @now, "LastSuccessAt" = @now, "NextPollAt" = @next, "PollInterval" = COALESCE(@interval, "PollInterval"),
                "ConsecutiveFailures" = 0, "LastError" = NULL, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id
            """,
            cancellationToken, ("etag", etag), ("lastModified", lastModified), ("primed", primed), ("now", now), ("next", nextPoll), ("interval", interval), ("id", feedId)).ConfigureAwait(false);
        return failures.Count > 0;
    }

    /// <summary>Records a failed fetch. Returns true when this failure changes the feed's state (new error, or first failure).</summary>
    public async Task<bool> RecordFailureAsync(int feedId, string error, DateTime now, DateTime nextPoll, CancellationToken cancellationToken)
    {
        var before = await FailuresAsync(feedId, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(
            """
            UPDATE feeds SET "ConsecutiveFailures" = "ConsecutiveFailures" + 1, "LastError" = @error, "LastPolledAt" = @now, "NextPollAt" = @next,
                "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id
            """,
            cancellationToken, ("error", error.Length > 1000 ? error[..1000] : error), ("now", now), ("next", nextPoll), ("id", feedId)).ConfigureAwait(false);
        return before.Count == 0 || before.LastError != error;
    }

    private async Task<(int Count, string? LastError)> FailuresAsync(int feedId, CancellationToken cancellationToken) =>
        (await db.QueryAsync("""SELECT "ConsecutiveFailures", "LastError" FROM feeds WHERE "Id" = @id""", r => (r.GetInt32(0), RadarDatabase.TextOrNull(r, 1)), cancellationToken, ("id", feedId)).ConfigureAwait(false))
        .SingleOrDefault(); // a feed removed meanwhile: as if it never failed

    /// <summary>Adds (or re-enables) a feed from chat; returns its id.</summary>
    public async Task<int> AddAsync(string name, string url, string addedBy, DateTime now, CancellationToken cancellationToken)
    {
        var id = await db.QueryAsync(
            """
            INSERT INTO feeds ("Url", "Name", "AddedBy", "Enabled", "CreatedAt", "NextPollAt", "Primed", "ConsecutiveFailures")
            VALUES (@url, @name, @addedBy, TRUE, @now, @now, FALSE, 0)
            ON CONFLICT ("Url") DO UPDATE SET "Enabled" = TRUE
            RETURNING "Id"
            """,
            r => r.GetInt32(0), cancellationToken, ("url", url), ("name", name), ("addedBy", addedBy), ("now", now)).ConfigureAwait(false);
        return id.Single();
    }

    /// <summary>Disables a feed added in chat. Returns null when done, else why not.</summary>
    public async Task<string?> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var feed = await db.QueryAsync("""SELECT "AddedBy" FROM feeds WHERE "Id" = @id AND "Enabled" """, r => RadarDatabase.TextOrNull(r, 0), cancellationToken, ("id", id)).ConfigureAwait(false);
        if (feed.Count == 0)
        {
            return $"There is no feed #{id}. See /feeds.";
        }

        if (feed[0] is null)
        {
            return $"Feed #{id} comes from the configuration (Radar:Feeds); remove it there.";
        }

        await db.ExecuteAsync("""UPDATE feeds SET "Enabled" = FALSE WHERE "Id" = @id""", cancellationToken, ("id", id)).ConfigureAwait(false);
        return null;
    }

    /// <summary>Enabled feeds failing since before <paramref name="failingSince"/> (their last success, or their creation) whose owners were not told yet.</summary>
    public async Task<IReadOnlyList<FeedHealth>> BrokenUntoldAsync(DateTime failingSince, CancellationToken cancellationToken) =>
        await HealthAsync("""WHERE "Enabled" AND "ConsecutiveFailures" > 0 AND "BrokenNoticeAt" IS NULL AND COALESCE("LastSuccessAt", "CreatedAt") <= @since""", cancellationToken, ("since", failingSince)).ConfigureAwait(false);

    /// <summary>Feeds the owners were told are broken that work again, or that left the list since.</summary>
    public async Task<IReadOnlyList<FeedHealth>> RecoveredUntoldAsync(CancellationToken cancellationToken) =>
        await HealthAsync("""WHERE "BrokenNoticeAt" IS NOT NULL AND ("ConsecutiveFailures" = 0 OR NOT "Enabled")""", cancellationToken).ConfigureAwait(false);

    /// <summary>Records that the owners were told the feed is broken (a time) or that it recovered (null).</summary>
    public Task SetBrokenNoticeAsync(int feedId, DateTime? toldAt, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE feeds SET "BrokenNoticeAt" = @told WHERE "Id" = @id""", cancellationToken, ("told", toldAt), ("id", feedId));

    public async Task<IReadOnlyList<FeedHealth>> HealthAsync(CancellationToken cancellationToken) =>
        await HealthAsync(string.Empty, cancellationToken).ConfigureAwait(false);

    /// <summary>What <c>/feeds</c>, <c>/healthz</c> and the owners' notices show of a feed.</summary>
    private Task<List<FeedHealth>> HealthAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        db.QueryAsync(
            $"""SELECT "Id", "Name", "Url", "Enabled", "LastSuccessAt", "ConsecutiveFailures", "LastError", "NextPollAt", "Language" FROM feeds {where} ORDER BY "Id" """,
            r => new FeedHealth(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), RadarDatabase.UtcOrNull(r, 4), r.GetInt32(5), RadarDatabase.TextOrNull(r, 6), RadarDatabase.Utc(r, 7), RadarDatabase.TextOrNull(r, 8)),
            cancellationToken, parameters);
}
