using Microsoft.EntityFrameworkCore;
using Radar.Storage;
using Radar.Storage.Entities;
using Radar.Storage.Sql;
using Radar.Tests.Support;

namespace Radar.Tests.Storage;

/// <summary>
/// SQL over ADO.NET writes and reads values as EF Core does, so that either can read what the other
/// wrote (<see cref="SqliteRadarDatabaseTests"/>, <see cref="PostgresRadarDatabaseTests"/>).
/// </summary>
public abstract class RadarDatabaseTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Created = new(2026, 11, 28, 12, 30, 45, 123, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider.ToString());

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private RadarDatabase Sql() => new(new StorageOptions { Provider = provider, ConnectionString = _database.ConnectionString });

    [Fact]
    public async Task WhatSqlWritesEfCoreReadsTheSame()
    {
        var sql = Sql();
        await using (sql)
        {
            await sql.ExecuteAsync(
                """INSERT INTO feeds ("Url", "Name", "Enabled", "Primed", "ConsecutiveFailures", "CreatedAt", "NextPollAt", "LastPolledAt", "PollInterval", "ETag") VALUES (@url, @name, @enabled, @primed, 2, @created, @next, @polled, @interval, @etag)""",
                CancellationToken.None,
                ("url", "https://one.test/feed"), ("name", "One"), ("enabled", true), ("primed", false), ("created", Created), ("next", Created.AddMinutes(5).ToLocalTime()), ("polled", null), ("interval", TimeSpan.FromMinutes(90)), ("etag", "\"v1\""));
        }

        await using var db = _database.Open();
        var feed = await db.Feeds.SingleAsync(f => f.Url == "https://one.test/feed");
        Assert.True(feed.Enabled);
        Assert.False(feed.Primed);
        Assert.Equal(Created, feed.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, feed.CreatedAt.Kind);
        Assert.Equal(Created.AddMinutes(5), feed.NextPollAt);
        Assert.Null(feed.LastPolledAt);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.PollInterval);
        Assert.Equal("\"v1\"", feed.ETag);
        Assert.Single(await db.Feeds.Where(f => f.NextPollAt <= Created.AddMinutes(5) && f.NextPollAt > Created).ToListAsync()); // compared as EF Core compares them
    }

    [Fact]
    public async Task WhatEfCoreWritesSqlReadsTheSame()
    {
        await using (var db = _database.Open())
        {
            db.Feeds.Add(new FeedRecord { Url = "https://two.test/feed", Name = "Two", CreatedAt = Created, NextPollAt = Created.AddHours(1), PollInterval = TimeSpan.FromHours(2), Primed = true });
            await db.SaveChangesAsync();
        }

        var sql = Sql();
        await using (sql)
        {
            var rows = await sql.QueryAsync(
                """SELECT "CreatedAt", "NextPollAt", "LastPolledAt", "Primed", "Enabled" FROM feeds WHERE "NextPollAt" > @after""",
                r => (Created: RadarDatabase.Utc(r, 0), Next: RadarDatabase.Utc(r, 1), Polled: RadarDatabase.UtcOrNull(r, 2), Primed: r.GetBoolean(3), Enabled: r.GetBoolean(4)),
                CancellationToken.None,
                ("after", Created));
            var row = Assert.Single(rows);
            Assert.Equal((Created, Created.AddHours(1), (DateTime?)null, true, true), row);
            Assert.Equal(DateTimeKind.Utc, row.Created.Kind);
        }
    }

    [Fact]
    public async Task ATransactionKeepsItsWritesWhenCommittedAndNoneWhenDisposedUncommitted()
    {
        const string Insert = """INSERT INTO leases ("Name", "Holder", "Until", "AcquiredAt") VALUES (@name, 'me', @at, @at)""";
        var sql = Sql();
        await using (sql)
        {
            var kept = await sql.BeginAsync(CancellationToken.None);
            await using (kept)
            {
                await sql.ExecuteAsync(Insert, CancellationToken.None, ("name", "kept"), ("at", Created));
                await kept.CommitAsync(CancellationToken.None);
            }

            var dropped = await sql.BeginAsync(CancellationToken.None);
            await using (dropped)
            {
                await sql.ExecuteAsync(Insert, CancellationToken.None, ("name", "dropped"), ("at", Created)); // disposed uncommitted
            }

            await sql.ExecuteAsync(Insert, CancellationToken.None, ("name", "after"), ("at", Created)); // outside any transaction
        }

        await using var db = _database.Open();
        Assert.Equal(["after", "kept"], await db.Leases.OrderBy(l => l.Name).Select(l => l.Name).ToListAsync());
    }
}
