using Microsoft.EntityFrameworkCore;
using Radar.Storage;

namespace Radar.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated like production.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public string ConnectionString => $"Data Source={_folder.Combine("radar.db")}";

    public string Folder => _folder.Path;

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Open();
        await DatabaseInitializer.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    public SqliteRadarDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
