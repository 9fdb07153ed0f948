using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>
/// Named leases shared by every instance on one database. Taking or renewing a lease is one
/// conditional UPDATE (the row's lock makes it atomic on PostgreSQL and SQLite alike), so two
/// instances can never both hold it: the holder renews it, anyone takes it once it has run out.
/// </summary>
public sealed class LeaseStore(RadarDatabase db)
{
    /// <summary>Takes or renews the lease for <paramref name="holder"/> until <paramref name="until"/>; false when another holder has it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        (string, object?)[] values = [("name", name), ("holder", holder), ("now", now), ("until", until)];
        var taken = await db.ExecuteAsync(
            """
            UPDATE leases SET "AcquiredAt" = CASE WHEN "Holder" = @holder THEN "AcquiredAt" ELSE @now END, "Holder" = @holder, "Until" = @until
            WHERE "Name" = @name AND ("Holder" = @holder OR "Until" < @now)
            """,
            cancellationToken, values).ConfigureAwait(false);

        // No row changed: the lease is another's, or it does not exist yet and the first insert takes it.
        return taken > 0 || await db.ExecuteAsync(
            """INSERT INTO leases ("Name", "Holder", "Until", "AcquiredAt") VALUES (@name, @holder, @until, @now) ON CONFLICT DO NOTHING""",
            cancellationToken, values).ConfigureAwait(false) > 0;
    }

    /// <summary>Gives the lease up at once (on a clean stop), so that a standby takes over without waiting for it to run out.</summary>
    public Task<int> ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE leases SET "Until" = @epoch WHERE "Name" = @name AND "Holder" = @holder""", cancellationToken, ("epoch", DateTime.UnixEpoch), ("name", name), ("holder", holder));

    /// <summary>Every lease, for <c>/healthz</c>.</summary>
    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken) =>
        await db.QueryAsync(
            """SELECT "Name", "Holder", "Until", "AcquiredAt" FROM leases ORDER BY "Name" """,
            r => new LeaseRecord { Name = r.GetString(0), Holder = r.GetString(1), Until = RadarDatabase.Utc(r, 2), AcquiredAt = RadarDatabase.Utc(r, 3) },
            cancellationToken).ConfigureAwait(false);
}
