using Npgsql;

namespace Radar.Storage;

/// <summary>
/// Serialises the start-up work (create the database, migrate, seed) across instances. On PostgreSQL:
/// the database is created if missing (a start that loses the race to create it goes on), then a
/// session advisory lock is held until disposed, so any number of instances starting together
/// migrate and seed one after the other and never crash on each other's rows. On SQLite the
/// single-instance file lock already guarantees this, and the lock is nothing.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "radar" in ASCII.</summary>
    public const long Key = 0x7261646172;

    private const string DuplicateDatabase = "42P04";
    private const string InvalidCatalogName = "3D000";

    /// <summary>The PostgreSQL session that holds the lock, or null on SQLite.</summary>
    private readonly IAsyncDisposable? _connection;

    private StartupLock(IAsyncDisposable? connection) => _connection = connection;

    /// <remarks>Not async itself, so that a bot on SQLite never compiles, nor loads, the PostgreSQL half.</remarks>
    public static Task<StartupLock> AcquireAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StorageProvider.Postgres ? AcquirePostgresAsync(options.ConnectionString, cancellationToken) : Task.FromResult(new StartupLock(null));
    }

    private static async Task<StartupLock> AcquirePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await OpenCreatingAsync(connection, connectionString, cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task OpenCreatingAsync(NpgsqlConnection connection, string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PostgresException e) when (e.SqlState == InvalidCatalogName)
        {
            // The database does not exist yet: create it from the maintenance database.
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false); // closing the session releases its advisory lock
        }
    }
}
