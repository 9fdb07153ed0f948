using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>Adapter state that survives restarts, by key.</summary>
public sealed class PlatformStateStore(RadarDatabase db)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        (string?)await db.ScalarAsync("""SELECT "Value" FROM platform_state WHERE "Key" = @key""", cancellationToken, ("key", key)).ConfigureAwait(false);

    public Task SetAsync(string key, string value, DateTime now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO platform_state ("Key", "Value", "UpdatedAt") VALUES (@key, @value, @now)
            ON CONFLICT ("Key") DO UPDATE SET "Value" = @value, "UpdatedAt" = @now
            """,
            cancellationToken, ("key", key), ("value", value), ("now", now));
}
