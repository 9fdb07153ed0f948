using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Radar.Storage;
using Radar.Storage.Entities;
using Radar.Storage.Sql;
using Radar.Tests.Support;

namespace Radar.Tests.Storage;

/// <summary>
/// The schema without EF Core at run time: the embedded SQL is what EF Core generates for each
/// migration today (set <c>RADAR_WRITE_MIGRATION_SQL=1</c> to write it again after adding a
/// migration), it makes a database EF Core finds up to date, and it leaves alone a database EF Core
/// made (<see cref="SqliteSchemaMigratorTests"/>, <see cref="PostgresSchemaMigratorTests"/>).
/// </summary>
public abstract class SchemaMigratorTests(StorageProvider provider)
{
    private static RadarDbContext Design(StorageProvider provider) => provider == StorageProvider.Postgres
        ? new PostgresRadarDbContext(new DbContextOptionsBuilder<PostgresRadarDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options)
        : new SqliteRadarDbContext(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void TheEmbeddedSqlIsWhatEfCoreGeneratesForEachMigration()
    {
        using var db = Design(provider);
        var migrator = db.GetService<IMigrator>();
        var ids = db.Database.GetMigrations().ToList();
        var expected = ids.Select((id, i) => (Id: id, Sql: Normalise(migrator.GenerateScript(i == 0 ? null : ids[i - 1], id)))).ToList();
        if (Environment.GetEnvironmentVariable("RADAR_WRITE_MIGRATION_SQL") == "1")
        {
            var folder = Path.Combine(RepositoryRoot.Find(), "Storage", "Sql", "Migrations", provider.ToString());
            Directory.CreateDirectory(folder);
            foreach (var (id, sql) in expected)
            {
                File.WriteAllText(Path.Combine(folder, id + ".sql"), sql);
            }
        }

        var embedded = SchemaMigrator.Migrations(provider).Select(m => (m.Id, Sql: Normalise(m.Sql))).ToList();
        Assert.Equal(expected, embedded);
    }

    [Fact]
    public async Task ANewDatabaseMigratedWithoutEfCoreIsOneEfCoreFindsUpToDate()
    {
        using var database = await TestDatabase.CreateEmptyAsync(provider.ToString());
        var sql = new RadarDatabase(new StorageOptions { Provider = provider, ConnectionString = database.ConnectionString });
        await using (sql)
        {
            var ran = await SchemaMigrator.MigrateAsync(sql, CancellationToken.None);
            Assert.Equal(SchemaMigrator.Migrations(provider).Select(m => m.Id), ran);
            Assert.Empty(await SchemaMigrator.MigrateAsync(sql, CancellationToken.None));
        }

        await using var db = database.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        db.Feeds.Add(new FeedRecord { Url = "https://one.test/feed", Name = "One", CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ADatabaseEfCoreMigratedIsLeftAsItIs()
    {
        using var database = await TestDatabase.CreateAsync(provider.ToString());
        var sql = new RadarDatabase(new StorageOptions { Provider = provider, ConnectionString = database.ConnectionString });
        await using (sql)
        {
            Assert.Empty(await SchemaMigrator.MigrateAsync(sql, CancellationToken.None));
        }
    }

    private static string Normalise(string sql) => sql.ReplaceLineEndings("\n").Trim();
}
