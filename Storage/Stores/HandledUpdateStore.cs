using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>
/// The updates a platform delivered that are handled or being handled, kept for <see cref="Keep"/>:
/// a platform that redelivers one (Telegram does, after a webhook timeout) finds it here and it is
/// skipped. Shared by every instance, so a redelivery to another instance is skipped too.
/// </summary>
public sealed class HandledUpdateStore(RadarDbContext db)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>Records the update as taken; false when it was taken before (a redelivery).</summary>
    public async Task<bool> TryTakeAsync(string platform, long updateId, DateTime now, CancellationToken cancellationToken)
    {
        if (updateId % 64 == 0)
        {
            var before = now - Keep;
            await db.HandledUpdates.Where(u => u.HandledAt < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return await UniqueViolation.TryInsertAsync(db, new HandledUpdateRecord { Platform = platform, UpdateId = updateId, HandledAt = now }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives an update back (its handling failed), so that a redelivery is handled.</summary>
    public Task ReleaseAsync(string platform, long updateId, CancellationToken cancellationToken) =>
        db.HandledUpdates.Where(u => u.Platform == platform && u.UpdateId == updateId).ExecuteDeleteAsync(cancellationToken);
}
