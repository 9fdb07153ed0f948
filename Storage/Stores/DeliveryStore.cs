using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>The outbox. A (story, channel) pair is queued at most once, enforced by a unique key.</summary>
public sealed class DeliveryStore(RadarDatabase db)
{
    /// <summary>The longest "why it matched" kept; longer ones (long patterns and exclusions) are cut.</summary>
    public const int MatchedLength = 500;

    /// <summary>Queues the story for each channel that does not have it yet, with why it matched; returns how many rows were added.</summary>
    public Task<int> EnqueueAsync(long storyId, IEnumerable<(long ChannelId, string Matched)> targets, DateTime now, CancellationToken cancellationToken) =>
        EnqueueAsync(storyId, targets.Select(t => new DeliveryTarget(t.ChannelId, t.Matched, now, Digest: false)), now, cancellationToken);

    /// <summary>Queues the story for each target (due now, after quiet hours, or with a digest) unless the channel has it already.</summary>
    public async Task<int> EnqueueAsync(long storyId, IEnumerable<DeliveryTarget> targets, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var added = 0;
        var list = targets.ToList();
        var channels = list.Select(t => t.ChannelId).ToList();
        // The channels that have the story already (a confirmation, or the news of a move first seen on a paper, routes it again): skipped quietly, the unique index stays the guard.
        var present = list.Count == 0 ? [] : (await db.QueryAsync(
            $"""SELECT "ChannelId" FROM deliveries WHERE "StoryId" = @story AND "ChannelId" IN ({string.Join(',', channels)})""", r => r.GetInt64(0), cancellationToken, ("story", storyId)).ConfigureAwait(false)).ToHashSet();
        foreach (var target in list.Where(t => !present.Contains(t.ChannelId)))
        {
            var matched = target.Matched.Length > MatchedLength ? target.Matched[..(MatchedLength - 1)] + "…" : target.Matched;
            if (await db.ExecuteAsync(
                """
                INSERT INTO deliveries ("StoryId", "ChannelId", "State", "Attempts", "NextAttemptAt", "Digest", "CreatedAt", "Matched", "PingRole", "Silent")
                VALUES (@story, @channel, @pending, 0, @due, @digest, @now, @matched, @pingRole, @silent)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken, ("story", storyId), ("channel", target.ChannelId), ("pending", nameof(DeliveryState.Pending)), ("due", target.DueAt), ("digest", target.Digest),
                ("now", now), ("matched", matched), ("pingRole", target.PingRole), ("silent", target.Silent)).ConfigureAwait(false) > 0)
            {
                added++;
            }
        }

        return added;
    }

    private const string ClaimSql = """
        UPDATE deliveries SET "ClaimedBy" = @holder, "ClaimedUntil" = @until
        WHERE "Id" IN (
            SELECT d."Id" FROM deliveries d JOIN channels c ON c."Id" = d."ChannelId"
            WHERE d."State" IN ('Pending', 'Retrying') AND d."NextAttemptAt" <= @now AND c."Active" AND c."Platform" = @platform
              AND (d."ClaimedUntil" IS NULL OR d."ClaimedUntil" < @now OR d."ClaimedBy" = @holder)
            ORDER BY d."Id" LIMIT @limit {lock})
        RETURNING "Id" AS "Value"
        """;

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending and retrying rows of the platform whose time has
    /// come, to active channels, for <paramref name="holder"/> until <paramref name="until"/>, and
    /// returns them oldest first. A row claimed by another instance is left alone until its claim runs
    /// out (the instance died): then it is taken over. Outcomes are recorded only while the claim holds.
    /// </summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(string platform, string holder, DateTime now, DateTime until, int limit, CancellationToken cancellationToken)
    {
        var claimed = await db.QueryAsync(
            ClaimSql.Replace("{lock}", db.OnPostgres ? "FOR UPDATE OF d SKIP LOCKED" : string.Empty, StringComparison.Ordinal),
            r => r.GetInt64(0),
            cancellationToken, ("holder", holder), ("until", until), ("now", now), ("platform", platform), ("limit", limit)).ConfigureAwait(false);
        return claimed.Count == 0 ? [] : await DueAsync($"""d."Id" IN ({string.Join(',', claimed)}) ORDER BY d."Id" """, forEdit: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets go of the holder's claims on rows it did not get to (they wait for their chat's limit): anyone may take them now.</summary>
    public Task<int> ReleaseClaimsAsync(string holder, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE deliveries SET "ClaimedBy" = NULL, "ClaimedUntil" = NULL WHERE "ClaimedBy" = @holder AND "State" IN ('Pending', 'Retrying')""", cancellationToken, ("holder", holder));

    /// <summary>Sent messages whose story gained sources and whose edit time has come, to active channels.</summary>
    public async Task<IReadOnlyList<DueDelivery>> EditsDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        await DueAsync(
            """d."State" = 'Sent' AND d."EditDueAt" IS NOT NULL AND d."EditDueAt" <= @now AND d."MessageId" IS NOT NULL AND c."Active" ORDER BY d."EditDueAt" LIMIT @limit""",
            forEdit: true, cancellationToken, ("now", now), ("limit", limit)).ConfigureAwait(false);

    /// <summary>
    /// Outbox rows with what the platform adapter needs to send them (<paramref name="forEdit"/>: to
    /// edit the message already sent), chosen and ordered by <paramref name="where"/>: the channel, the
    /// story in the channel's language, its tier and the story it follows.
    /// </summary>
    private Task<List<DueDelivery>> DueAsync(string where, bool forEdit, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        db.QueryAsync(
            $"""
            SELECT d."Id", d."Attempts", s."Id", c."Id", c."Platform", c."ExternalId", c."ThreadId", c."Language", s."Title", s."Summaries", s."Summary", s."Link", s."Source", s."PublishedAt",
                d."Matched", s."Topics", s."Analysis", d."MessageId", d."Digest", c."Style", d."PingRole", d."Silent", s."Tier", s."TierBy", s."TierChangedAt", s."PaperId", s."PaperAt",
                f."Title", f."PublishedAt"
            FROM deliveries d JOIN channels c ON c."Id" = d."ChannelId" JOIN stories s ON s."Id" = d."StoryId" LEFT JOIN stories f ON f."Id" = s."FollowsStoryId"
            WHERE {where}
            """,
            r => new DueDelivery(
                r.GetInt64(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                StorySummaries.For(RadarDatabase.TextOrNull(r, 9), r.GetString(7), r.GetString(10)), RadarDatabase.TextOrNull(r, 11), r.GetString(12), RadarDatabase.Utc(r, 13), RadarDatabase.TextOrNull(r, 14), TopicText.Split(r.GetString(15)),
                AnalysisJson.Read(RadarDatabase.TextOrNull(r, 16)), forEdit ? RadarDatabase.TextOrNull(r, 17) : null, !forEdit && r.GetBoolean(18))
            {
                Style = Enum.Parse<AlertStyle>(r.GetString(19)),
                PingRole = RadarDatabase.TextOrNull(r, 20),
                Silent = r.GetBoolean(21),
                Tier = Enum.Parse<ClaimTier>(r.GetString(22)),
                TierBy = RadarDatabase.TextOrNull(r, 23),
                TierChangedAt = RadarDatabase.UtcOrNull(r, 24),
                PaperId = RadarDatabase.TextOrNull(r, 25),
                PaperAt = RadarDatabase.UtcOrNull(r, 26),
                FollowsTitle = RadarDatabase.TextOrNull(r, 27),
                FollowsPublishedAt = RadarDatabase.UtcOrNull(r, 28),
            },
            cancellationToken, parameters);


    /// <summary>
    /// The story has a new source: its sent alerts are to be edited, at most once every
    /// <paramref name="interval"/> per message. Returns how many messages will be edited.
    /// </summary>
    public async Task<int> ScheduleEditsAsync(long storyId, DateTime now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var sent = await db.QueryAsync(
            """SELECT "Id", "LastEditedAt", "EditDueAt" FROM deliveries WHERE "StoryId" = @story AND "State" = 'Sent'""",
            r => (Id: r.GetInt64(0), LastEditedAt: RadarDatabase.UtcOrNull(r, 1), EditDueAt: RadarDatabase.UtcOrNull(r, 2)),
            cancellationToken, ("story", storyId)).ConfigureAwait(false);
        foreach (var row in sent)
        {
            var earliest = row.LastEditedAt is { } last && last + interval > now ? last + interval : now;
            var due = row.EditDueAt is { } scheduled && scheduled <= earliest ? scheduled : earliest;
            await db.ExecuteAsync("""UPDATE deliveries SET "EditDueAt" = @due WHERE "Id" = @id""", cancellationToken, ("due", due), ("id", row.Id)).ConfigureAwait(false);
        }

        return sent.Count;
    }

    /// <summary>Records an edit's outcome: done, or tried again at <paramref name="retryAt"/>.</summary>
    public async Task MarkEditedAsync(long deliveryId, DateTime now, DateTime? retryAt, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(
            retryAt is null
                ? """UPDATE deliveries SET "EditDueAt" = NULL, "LastEditedAt" = @now WHERE "Id" = @id"""
                : """UPDATE deliveries SET "EditDueAt" = @retry WHERE "Id" = @id""",
            cancellationToken, ("now", now), ("retry", retryAt), ("id", deliveryId)).ConfigureAwait(false);
    }

    /// <summary>Records a sent row and ends its claim; false (nothing written) when <paramref name="holder"/> no longer holds the claim.</summary>
    public async Task<bool> MarkSentAsync(long deliveryId, string holder, string? messageId, DateTime now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            """
            UPDATE deliveries SET "State" = 'Sent', "Attempts" = "Attempts" + 1, "SentAt" = @now, "MessageId" = @message, "LastError" = NULL, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND "ClaimedBy" = @holder AND "ClaimedUntil" >= @now
            """,
            cancellationToken, ("now", now), ("message", messageId), ("id", deliveryId), ("holder", holder)).ConfigureAwait(false) > 0;

    /// <summary>
    /// Records a failed attempt and ends the claim: retried at <paramref name="nextAttempt"/>, or dead
    /// when it is null. False (nothing written) when <paramref name="holder"/> no longer holds the claim.
    /// </summary>
    public async Task<bool> MarkFailedAsync(long deliveryId, string holder, string error, DateTime? nextAttempt, DateTime now, CancellationToken cancellationToken)
    {
        var message = error.Length > 1000 ? error[..1000] : error;
        var state = nextAttempt is null ? DeliveryState.Dead : DeliveryState.Retrying;
        return await db.ExecuteAsync(
            """
            UPDATE deliveries SET "Attempts" = "Attempts" + 1, "LastError" = @error, "State" = @state, "NextAttemptAt" = COALESCE(@next, "NextAttemptAt"), "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND "ClaimedBy" = @holder AND "ClaimedUntil" >= @now
            """,
            cancellationToken, ("error", message), ("state", state.ToString()), ("next", nextAttempt), ("id", deliveryId), ("holder", holder), ("now", now)).ConfigureAwait(false) > 0;
    }

    /// <summary>Rows waiting to be sent: pending or retrying, whatever their due time.</summary>
    public Task<int> WaitingAsync(CancellationToken cancellationToken) =>
        CountAsync("""WHERE "State" IN ('Pending', 'Retrying')""", cancellationToken);

    public Task<int> CountAsync(DeliveryState state, CancellationToken cancellationToken) =>
        CountAsync("""WHERE "State" = @state""", cancellationToken, ("state", state.ToString()));

    private async Task<int> CountAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt32(await db.ScalarAsync($"SELECT COUNT(*) FROM deliveries {where}", cancellationToken, parameters).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
}
