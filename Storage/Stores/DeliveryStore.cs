using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>The outbox. A (story, channel) pair is queued at most once, enforced by a unique key.</summary>
public sealed class DeliveryStore(RadarDbContext db)
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
        var present = list.Count == 0 ? [] : (await db.Deliveries.AsNoTracking().Where(d => d.StoryId == storyId && channels.Contains(d.ChannelId)).Select(d => d.ChannelId).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        foreach (var target in list.Where(t => !present.Contains(t.ChannelId)))
        {
            var row = new DeliveryRecord
            {
                StoryId = storyId,
                ChannelId = target.ChannelId,
                State = DeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = target.DueAt,
                Matched = target.Matched.Length > MatchedLength ? target.Matched[..(MatchedLength - 1)] + "…" : target.Matched,
                Digest = target.Digest,
                PingRole = target.PingRole,
                Silent = target.Silent,
            };
            if (await UniqueViolation.TryInsertAsync(db, row, cancellationToken).ConfigureAwait(false))
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
        var claimed = await db.Database.SqlQueryRaw<long>(
            ClaimSql.Replace("{lock}", db.OnPostgres ? "FOR UPDATE OF d SKIP LOCKED" : string.Empty, StringComparison.Ordinal),
            db.Parameter("holder", holder), db.Parameter("until", until), db.Parameter("now", now), db.Parameter("platform", platform), db.Parameter("limit", limit))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await Due(db.Deliveries.AsNoTracking().Where(d => claimed.Contains(d.Id)).OrderBy(d => d.Id), forEdit: false)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets go of the holder's claims on rows it did not get to (they wait for their chat's limit): anyone may take them now.</summary>
    public Task<int> ReleaseClaimsAsync(string holder, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.ClaimedBy == holder && (d.State == DeliveryState.Pending || d.State == DeliveryState.Retrying))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), cancellationToken);

    /// <summary>Sent messages whose story gained sources and whose edit time has come, to active channels.</summary>
    public async Task<IReadOnlyList<DueDelivery>> EditsDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        await Due(
                db.Deliveries.AsNoTracking()
                    .Where(d => d.State == DeliveryState.Sent && d.EditDueAt != null && d.EditDueAt <= now && d.MessageId != null && db.Channels.Any(c => c.Id == d.ChannelId && c.Active))
                    .OrderBy(d => d.EditDueAt).Take(limit),
                forEdit: true)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Outbox rows with what the platform adapter needs to send them (<paramref name="forEdit"/>: to
    /// edit the message already sent), in the order of <paramref name="rows"/>: the channel, the
    /// story in the channel's language, its tier and the story it follows.
    /// </summary>
    private IQueryable<DueDelivery> Due(IQueryable<DeliveryRecord> rows, bool forEdit) =>
        from d in rows
        join c in db.Channels on d.ChannelId equals c.Id
        join s in db.Stories on d.StoryId equals s.Id
        select new DueDelivery(d.Id, d.Attempts, s.Id, c.Id, c.Platform, c.ExternalId, c.ThreadId, c.Language, s.Title, StorySummaries.For(s.Summaries, c.Language, s.Summary), s.Link, s.Source, s.PublishedAt, d.Matched, TopicText.Split(s.Topics), AnalysisJson.Read(s.Analysis), forEdit ? d.MessageId : null, !forEdit && d.Digest)
        {
            Style = c.Style,
            PingRole = d.PingRole,
            Silent = d.Silent,
            Tier = s.Tier,
            TierBy = s.TierBy,
            TierChangedAt = s.TierChangedAt,
            PaperId = s.PaperId,
            PaperAt = s.PaperAt,
            FollowsTitle = db.Stories.Where(f => f.Id == s.FollowsStoryId).Select(f => f.Title).FirstOrDefault(),
            FollowsPublishedAt = db.Stories.Where(f => f.Id == s.FollowsStoryId).Select(f => (DateTime?)f.PublishedAt).FirstOrDefault(),
        };

    /// <summary>
    /// The story has a new source: its sent alerts are to be edited, at most once every
    /// <paramref name="interval"/> per message. Returns how many messages will be edited.
    /// </summary>
    public async Task<int> ScheduleEditsAsync(long storyId, DateTime now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var sent = await db.Deliveries.Where(d => d.StoryId == storyId && d.State == DeliveryState.Sent).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in sent)
        {
            var earliest = row.LastEditedAt is { } last && last + interval > now ? last + interval : now;
            row.EditDueAt = row.EditDueAt is { } due && due <= earliest ? due : earliest;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return sent.Count;
    }

    /// <summary>Records an edit's outcome: done, or tried again at <paramref name="retryAt"/>.</summary>
    public async Task MarkEditedAsync(long deliveryId, DateTime now, DateTime? retryAt, CancellationToken cancellationToken)
    {
        var row = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        row.EditDueAt = retryAt;
        if (retryAt is null)
        {
            row.LastEditedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a sent row and ends its claim; false (nothing written) when <paramref name="holder"/> no longer holds the claim.</summary>
    public async Task<bool> MarkSentAsync(long deliveryId, string holder, string? messageId, DateTime now, CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Id == deliveryId && d.ClaimedBy == holder && d.ClaimedUntil >= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, DeliveryState.Sent)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.SentAt, now)
                    .SetProperty(d => d.MessageId, messageId)
                    .SetProperty(d => d.LastError, (string?)null)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, (DateTime?)null),
                cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>
    /// Records a failed attempt and ends the claim: retried at <paramref name="nextAttempt"/>, or dead
    /// when it is null. False (nothing written) when <paramref name="holder"/> no longer holds the claim.
    /// </summary>
    public async Task<bool> MarkFailedAsync(long deliveryId, string holder, string error, DateTime? nextAttempt, DateTime now, CancellationToken cancellationToken)
    {
        var message = error.Length > 1000 ? error[..1000] : error;
        var state = nextAttempt is null ? DeliveryState.Dead : DeliveryState.Retrying;
        return await db.Deliveries.Where(d => d.Id == deliveryId && d.ClaimedBy == holder && d.ClaimedUntil >= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.LastError, message)
                    .SetProperty(d => d.State, state)
                    .SetProperty(d => d.NextAttemptAt, d => nextAttempt ?? d.NextAttemptAt)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, (DateTime?)null),
                cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Rows waiting to be sent: pending or retrying, whatever their due time.</summary>
    public Task<int> WaitingAsync(CancellationToken cancellationToken) =>
        db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Retrying, cancellationToken);

    public Task<int> CountAsync(DeliveryState state, CancellationToken cancellationToken) =>
        db.Deliveries.CountAsync(d => d.State == state, cancellationToken);
}
