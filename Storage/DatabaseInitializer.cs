using Microsoft.EntityFrameworkCore;

namespace Radar.Storage;

/// <summary>Applies the committed migrations and the SQLite settings a long-running writer wants.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(RadarDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
