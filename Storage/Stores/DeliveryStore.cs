using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>The outbox. A (story, channel) pair is queued at most once, enforced by a unique key.</summary>
public sealed class DeliveryStore(RadarDbContext db)
{
    /// <summary>Queues the story for each channel that does not have it yet, with why it matched; returns how many rows were added.</summary>
    public Task<int> EnqueueAsync(long storyId, IEnumerable<(long ChannelId, string Matched)> targets, DateTime now, CancellationToken cancellationToken) =>
        EnqueueAsync(storyId, targets.Select(t => new DeliveryTarget(t.ChannelId, t.Matched, now, Digest: false)), now, cancellationToken);

    /// <summary>Queues the story for each target (due now, after quiet hours, or with a digest) unless the channel has it already.</summary>
    public async Task<int> EnqueueAsync(long storyId, IEnumerable<DeliveryTarget> targets, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var added = 0;
        foreach (var target in targets)
        {
            var row = new DeliveryRecord
            {
                StoryId = storyId,
                ChannelId = target.ChannelId,
                State = DeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = target.DueAt,
                Matched = target.Matched,
                Digest = target.Digest,
            };
            if (await UniqueViolation.TryInsertAsync(db, row, cancellationToken).ConfigureAwait(false))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>Pending and retrying rows whose time has come, to active channels, oldest first.</summary>
    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        await (from d in db.Deliveries.AsNoTracking()
               where (d.State == DeliveryState.Pending || d.State == DeliveryState.Retrying) && d.NextAttemptAt <= now
               join c in db.Channels on d.ChannelId equals c.Id
               where c.Active
               join s in db.Stories on d.StoryId equals s.Id
               orderby d.Id
               select new DueDelivery(d.Id, d.Attempts, s.Id, c.Id, c.Platform, c.ExternalId, c.ThreadId, c.Language, s.Title, s.Summary, s.Link, s.Source, s.PublishedAt, d.Matched, TopicText.Split(s.Topics), AnalysisJson.Read(s.Analysis), null, d.Digest))
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sent messages whose story gained sources and whose edit time has come, to active channels.</summary>
    public async Task<IReadOnlyList<DueDelivery>> EditsDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        await (from d in db.Deliveries.AsNoTracking()
               where d.State == DeliveryState.Sent && d.EditDueAt != null && d.EditDueAt <= now && d.MessageId != null
               join c in db.Channels on d.ChannelId equals c.Id
               where c.Active
               join s in db.Stories on d.StoryId equals s.Id
               orderby d.EditDueAt
               select new DueDelivery(d.Id, d.Attempts, s.Id, c.Id, c.Platform, c.ExternalId, c.ThreadId, c.Language, s.Title, s.Summary, s.Link, s.Source, s.PublishedAt, d.Matched, TopicText.Split(s.Topics), AnalysisJson.Read(s.Analysis), d.MessageId))
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);

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

    public async Task MarkSentAsync(long deliveryId, string? messageId, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        row.State = DeliveryState.Sent;
        row.Attempts++;
        row.SentAt = now;
        row.MessageId = messageId;
        row.LastError = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt: retried at <paramref name="nextAttempt"/>, or dead when it is null.</summary>
    public async Task MarkFailedAsync(long deliveryId, string error, DateTime? nextAttempt, CancellationToken cancellationToken)
    {
        var row = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        row.Attempts++;
        row.LastError = error.Length > 1000 ? error[..1000] : error;
        row.State = nextAttempt is null ? DeliveryState.Dead : DeliveryState.Retrying;
        row.NextAttemptAt = nextAttempt ?? row.NextAttemptAt;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<int> CountAsync(DeliveryState state, CancellationToken cancellationToken) =>
        db.Deliveries.CountAsync(d => d.State == state, cancellationToken);
}
