using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Adapter state that survives restarts, by key.</summary>
public sealed class PlatformStateStore(RadarDbContext db)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await db.PlatformState.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task SetAsync(string key, string value, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.PlatformState.SingleOrDefaultAsync(s => s.Key == key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.PlatformState.Add(new PlatformStateRecord { Key = key, Value = value, UpdatedAt = now });
        }
        else
        {
            row.Value = value;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
