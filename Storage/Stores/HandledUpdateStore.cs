using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>
/// The updates a platform delivered that are handled or being handled, kept for <see cref="Keep"/>:
/// a platform that redelivers one (Telegram does, after a webhook timeout) finds it here and it is
/// skipped. Shared by every instance, so a redelivery to another instance is skipped too.
/// </summary>
public sealed class HandledUpdateStore(RadarDatabase db)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>Records the update as taken; false when it was taken before (a redelivery).</summary>
    public async Task<bool> TryTakeAsync(string platform, long updateId, DateTime now, CancellationToken cancellationToken)
    {
        if (updateId % 64 == 0)
        {
            await db.ExecuteAsync("""DELETE FROM handled_updates WHERE "HandledAt" < @before""", cancellationToken, ("before", now - Keep)).ConfigureAwait(false);
        }

        return await db.ExecuteAsync(
            """INSERT INTO handled_updates ("Platform", "UpdateId", "HandledAt") VALUES (@platform, @update, @now) ON CONFLICT DO NOTHING""",
            cancellationToken, ("platform", platform), ("update", updateId), ("now", now)).ConfigureAwait(false) > 0;
    }

    /// <summary>Gives an update back (its handling failed), so that a redelivery is handled.</summary>
    public Task ReleaseAsync(string platform, long updateId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""DELETE FROM handled_updates WHERE "Platform" = @platform AND "UpdateId" = @update""", cancellationToken, ("platform", platform), ("update", updateId));
}
