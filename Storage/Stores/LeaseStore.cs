using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>
/// Named leases shared by every instance on one database. Taking or renewing a lease is one
/// conditional UPDATE (the row's lock makes it atomic on PostgreSQL and SQLite alike), so two
/// instances can never both hold it: the holder renews it, anyone takes it once it has run out.
/// </summary>
public sealed class LeaseStore(RadarDbContext db)
{
    /// <summary>Takes or renews the lease for <paramref name="holder"/> until <paramref name="until"/>; false when another holder has it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.Until < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.AcquiredAt, l => l.Holder == holder ? l.AcquiredAt : now)
                    .SetProperty(l => l.Holder, holder)
                    .SetProperty(l => l.Until, until),
                cancellationToken).ConfigureAwait(false);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        return await UniqueViolation.TryInsertAsync(db, new LeaseRecord { Name = name, Holder = holder, Until = until, AcquiredAt = now }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the lease up at once (on a clean stop), so that a standby takes over without waiting for it to run out.</summary>
    public Task<int> ReleaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, DateTime.UnixEpoch), cancellationToken);

    /// <summary>Every lease, for <c>/healthz</c>.</summary>
    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken) =>
        await db.Leases.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
}
