using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Model;
using Radar.Storage;
using Radar.Storage.Entities;
using Radar.Storage.Stores;
using Radar.Tests.Support;

namespace Radar.Tests.Storage;

/// <summary>The stores against a real, migrated SQLite file.</summary>
public sealed class StoresTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private int _feedId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        await new FeedStore(db).SyncAsync([new FeedSource("One", "https://one.test/feed"), new FeedSource("Two", "https://two.test/feed")], Now, CancellationToken.None);
        _feedId = await db.Feeds.Where(f => f.Name == "One").Select(f => f.Id).SingleAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private static FeedEntry Entry(string id, string? link, string title) => new(id, link, title, "summary", Now, "en");

    private async Task<EntryRecord?> AddAsync(FeedEntry entry, DateTime? at = null, int? feedId = null)
    {
        await using var db = _database.Open();
        return await new EntryStore(db).AddIfNewAsync(feedId ?? _feedId, entry, at ?? Now, CancellationToken.None);
    }

    [Fact]
    public async Task MigrationsCreateEveryTable()
    {
        await using var db = _database.Open();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();

        Assert.Superset(new HashSet<string> { "feeds", "entries", "stories", "channels", "subscriptions", "deliveries" }, tables.ToHashSet());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AnEntryIsStoredOncePerFeedAndId()
    {
        Assert.NotNull(await AddAsync(Entry("id-1", "https://one.test/a", "A story")));
        Assert.Null(await AddAsync(Entry("id-1", "https://one.test/a-moved", "A story, retitled")));
    }

    [Fact]
    public async Task AKnownCanonicalLinkIsNotNewEvenFromAnotherFeed()
    {
        var otherFeed = _feedId + 1;
        Assert.NotNull(await AddAsync(Entry("id-1", "https://news.test/a", "Story")));
        Assert.Null(await AddAsync(Entry("id-2", "https://news.test/a", "Story again"), feedId: otherFeed));
    }

    [Fact]
    public async Task ASameTitleIsNotNewWithinSevenDaysButIsAfter()
    {
        Assert.NotNull(await AddAsync(Entry("id-1", "https://one.test/1", "Meta delays Behemoth")));
        Assert.Null(await AddAsync(Entry("id-2", "https://one.test/2", "META delays   Behemoth!"), Now.AddDays(6)));
        Assert.NotNull(await AddAsync(Entry("id-3", "https://one.test/3", "Meta delays Behemoth"), Now.AddDays(8)));
    }

    [Fact]
    public async Task ADeliveryIsQueuedOncePerStoryAndChannel()
    {
        await using var db = _database.Open();
        var entry = await new EntryStore(db).AddIfNewAsync(_feedId, Entry("x", "https://one.test/x", "X"), Now, CancellationToken.None);
        var story = await new StoryStore(db).CreateFromEntryAsync(entry!, "One", Now, CancellationToken.None);
        var channel = await new ChannelStore(db).EnsureAsync("console", "console", "Console", subscribeToEverything: true, Now, CancellationToken.None);
        var deliveries = new DeliveryStore(db);

        Assert.Equal(1, await deliveries.EnqueueAsync(story.Id, [(channel, "all")], Now, CancellationToken.None));
        Assert.Equal(0, await deliveries.EnqueueAsync(story.Id, [(channel, "all"), (channel, "all")], Now, CancellationToken.None));
        Assert.Equal(1, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task FeedFailuresAreReportedOnlyWhenTheStateChanges()
    {
        await using var db = _database.Open();
        var feeds = new FeedStore(db);

        Assert.True(await feeds.RecordFailureAsync(_feedId, "HttpStatus: HTTP 500", Now, Now.AddMinutes(5), CancellationToken.None));
        Assert.False(await feeds.RecordFailureAsync(_feedId, "HttpStatus: HTTP 500", Now, Now.AddMinutes(10), CancellationToken.None));
        Assert.True(await feeds.RecordFailureAsync(_feedId, "Timeout: slow", Now, Now.AddMinutes(20), CancellationToken.None));
        Assert.True(await feeds.RecordSuccessAsync(_feedId, "\"e\"", null, primed: true, Now, Now.AddMinutes(5), CancellationToken.None));

        var health = (await feeds.HealthAsync(CancellationToken.None)).Single(f => f.Id == _feedId);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.Null(health.LastError);
    }

    [Fact]
    public async Task SyncDisablesFeedsRemovedFromTheConfiguration()
    {
        await using var db = _database.Open();
        await new FeedStore(db).SyncAsync([new FeedSource("One", "https://one.test/feed")], Now, CancellationToken.None);

        var due = await new FeedStore(db).DueAsync(null, CancellationToken.None);
        Assert.Equal(["https://one.test/feed"], due.Select(f => f.Url));
    }

    [Fact]
    public void ASecondProcessCannotOpenTheSameSqliteDatabase()
    {
        using var first = SqliteInstanceLock.Acquire(_database.ConnectionString);

        var refused = Assert.Throws<DatabaseInUseException>(() => SqliteInstanceLock.Acquire(_database.ConnectionString));
        Assert.Contains("in use by another Radar process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLockIsReleasedWithItsHolder()
    {
        SqliteInstanceLock.Acquire(_database.ConnectionString).Dispose();

        using var again = SqliteInstanceLock.Acquire(_database.ConnectionString);
    }
}
