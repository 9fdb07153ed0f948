using Microsoft.EntityFrameworkCore;
using Radar.Storage;

namespace Radar.Tests.Support;

/// <summary>A real database migrated like production: a SQLite file in a temp folder, or a new database on the test PostgreSQL server.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    private TestDatabase(string provider, string? connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString ?? $"Data Source={_folder.Combine("radar.db")}";
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as in <c>Radar:Storage:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public string Folder => _folder.Path;

    public static Task<TestDatabase> CreateAsync() => CreateAsync("Sqlite");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var database = await CreateEmptyAsync(provider);
        await using var db = database.Open();
        await DatabaseInitializer.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    /// <summary>A database with no schema yet.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string provider) =>
        new(provider, provider == "Postgres" ? await PostgresServer.CreateDatabaseAsync() : null);

    public RadarDbContext Open() => Provider == "Postgres"
        ? new PostgresRadarDbContext(new DbContextOptionsBuilder<PostgresRadarDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteRadarDbContext(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
