using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Model;
using Radar.Feeds.Papers;
using Radar.Storage.Entities;
using Radar.Storage.Sql;
using Radar.Storage.Stores;
using Radar.Tests.Support;

namespace Radar.Tests.Storage;

/// <summary>The stores against a real, migrated database of each provider (<see cref="SqliteStoresTests"/>, <see cref="PostgresStoresTests"/>).</summary>
public abstract class StoresTests(string provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    protected TestDatabase Database => _database;
    private int _feedId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await new FeedStore(RadarDatabase.Over(db)).SyncAsync([new FeedSource("One", "https://one.test/feed"), new FeedSource("Two", "https://two.test/feed")], Now, CancellationToken.None);
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
        return await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(feedId ?? _feedId, entry, at ?? Now, CancellationToken.None);
    }

    [Fact]
    public async Task MigrationsCreateEveryTable()
    {
        await using var db = _database.Open();
        var tables = await db.Database.SqlQueryRaw<string>(provider == "Postgres"
            ? "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();

        Assert.Superset(new HashSet<string> { "feeds", "entries", "stories", "channels", "subscriptions", "deliveries", "leases" }, tables.ToHashSet());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task SubscriptionTopicsAndModesAreTypedAndStoredAsTheNamesUsersType()
    {
        await using var db = _database.Open();
        var channel = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync("console", "console", "Console", subscribeToEverything: true, Now, CancellationToken.None);
        var store = new SubscriptionStore(RadarDatabase.Over(db));
        await store.AddAsync(new SubscriptionRecord { ChannelId = channel, Topic = SubscriptionTopic.Launches, Mode = DeliveryMode.Digest, DigestTime = "08:00", CreatedAt = Now }, CancellationToken.None);
        // A row as the untyped columns wrote it.
        await db.Database.ExecuteSqlAsync($"INSERT INTO subscriptions (\"ChannelId\", \"Topic\", \"Mode\", \"Silent\", \"ConfirmedOnly\", \"CreatedAt\") VALUES ({channel}, 'talent', 'instant', FALSE, FALSE, {Now})");

        var stored = await db.Database.SqlQueryRaw<string>("SELECT \"Topic\" || ' ' || \"Mode\" AS \"Value\" FROM subscriptions ORDER BY \"Id\"").ToListAsync();
        var read = await store.ListAsync(channel, CancellationToken.None);

        Assert.Equal(["all instant", "launches digest", "talent instant"], stored);
        Assert.Equal([SubscriptionTopic.All, SubscriptionTopic.Launches, SubscriptionTopic.Talent], read.Select(s => s.Topic));
        Assert.Equal([DeliveryMode.Instant, DeliveryMode.Digest, DeliveryMode.Instant], read.Select(s => s.Mode));
        Assert.Equal([null, Radar.Feeds.Extraction.Topic.Launches, Radar.Feeds.Extraction.Topic.Talent], read.Select(s => SubscriptionStore.Filter(s).Topic));
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
        var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(_feedId, Entry("x", "https://one.test/x", "X"), Now, CancellationToken.None);
        var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "One", Now, CancellationToken.None);
        var channel = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync("console", "console", "Console", subscribeToEverything: true, Now, CancellationToken.None);
        var deliveries = new DeliveryStore(RadarDatabase.Over(db));

        Assert.Equal(1, await deliveries.EnqueueAsync(story.Id, [(channel, "all")], Now, CancellationToken.None));
        Assert.Equal(0, await deliveries.EnqueueAsync(story.Id, [(channel, "all"), (channel, "all")], Now, CancellationToken.None));
        Assert.Equal(1, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task FeedFailuresAreReportedOnlyWhenTheStateChanges()
    {
        await using var db = _database.Open();
        var feeds = new FeedStore(RadarDatabase.Over(db));

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
        await new FeedStore(RadarDatabase.Over(db)).SyncAsync([new FeedSource("One", "https://one.test/feed")], Now, CancellationToken.None);

        var due = await new FeedStore(RadarDatabase.Over(db)).ClaimDueAsync(dueOnly: false, "test", Now, Now.AddMinutes(1), 10, CancellationToken.None);
        Assert.Equal(["https://one.test/feed"], due.Select(f => f.Url));
    }

    [Fact]
    public async Task ALeaseHasOneHolderUntilItRunsOutOrIsGivenUp()
    {
        async Task<bool> TakeAsync(string holder, DateTime at)
        {
            await using var db = _database.Open();
            return await new LeaseStore(RadarDatabase.Over(db)).TryAcquireAsync("deliver:telegram", holder, at, at.AddSeconds(15), CancellationToken.None);
        }

        Assert.True(await TakeAsync("a", Now));
        Assert.False(await TakeAsync("b", Now.AddSeconds(5)));
        Assert.True(await TakeAsync("a", Now.AddSeconds(10))); // renewed until +25 s
        Assert.False(await TakeAsync("b", Now.AddSeconds(20)));
        Assert.True(await TakeAsync("b", Now.AddSeconds(26))); // a died: its lease ran out
        Assert.False(await TakeAsync("a", Now.AddSeconds(27)));
        await using (var db = _database.Open())
        {
            Assert.Equal(1, await new LeaseStore(RadarDatabase.Over(db)).ReleaseAsync("deliver:telegram", "b", CancellationToken.None));
        }

        Assert.True(await TakeAsync("a", Now.AddSeconds(28))); // given up on a clean stop: taken at once
    }

    [Fact]
    public async Task InstancesClaimingDueFeedsTogetherShareThemAndNoneIsClaimedTwice()
    {
        await using (var db = _database.Open())
        {
            await new FeedStore(RadarDatabase.Over(db)).SyncAsync([.. Enumerable.Range(0, 60).Select(i => new FeedSource($"F{i}", $"https://f{i}.test/feed"))], Now, CancellationToken.None);
        }

        async Task<List<int>> ClaimAsync(string holder)
        {
            var claimed = new List<int>();
            for (var round = 0; round < 10; round++)
            {
                await using var db = _database.Open();
                claimed.AddRange((await new FeedStore(RadarDatabase.Over(db)).ClaimDueAsync(dueOnly: true, holder, Now, Now.AddMinutes(10), 7, CancellationToken.None)).Select(f => f.Id));
            }

            return claimed;
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => ClaimAsync("instance-" + i))));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        await using var check = _database.Open();
        Assert.Equal(await check.Feeds.CountAsync(f => f.Enabled), all.Count);
    }

    [Fact]
    public async Task AFeedClaimEndsWithItsOutcomeOrRunsOutAndIsTakenOver()
    {
        await using var db = _database.Open();
        var feeds = new FeedStore(RadarDatabase.Over(db));
        var first = await feeds.ClaimDueAsync(dueOnly: false, "a", Now, Now.AddMinutes(10), 100, CancellationToken.None);

        Assert.Empty(await feeds.ClaimDueAsync(dueOnly: false, "b", Now.AddMinutes(5), Now.AddMinutes(15), 100, CancellationToken.None));
        await feeds.RecordSuccessAsync(first[0].Id, null, null, primed: true, Now, Now, CancellationToken.None);
        Assert.Equal([first[0].Id], (await feeds.ClaimDueAsync(dueOnly: false, "b", Now.AddMinutes(5), Now.AddMinutes(15), 100, CancellationToken.None)).Select(f => f.Id));
        Assert.Equal([first[1].Id], (await feeds.ClaimDueAsync(dueOnly: false, "c", Now.AddMinutes(11), Now.AddMinutes(21), 100, CancellationToken.None)).Select(f => f.Id)); // a's claim ran out
    }

    [Fact]
    public async Task AnAlertIsRecordedOnlyByTheInstanceThatHoldsItsClaim()
    {
        await using var db = _database.Open();
        var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(_feedId, Entry("c", "https://one.test/c", "C"), Now, CancellationToken.None);
        var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "One", Now, CancellationToken.None);
        var channel = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync("telegram", "-100", "Chat", subscribeToEverything: true, Now, CancellationToken.None);
        var deliveries = new DeliveryStore(RadarDatabase.Over(db));
        await deliveries.EnqueueAsync(story.Id, [(channel, "all")], Now, CancellationToken.None);

        var claimed = Assert.Single(await deliveries.ClaimDueAsync("telegram", "a", Now, Now.AddMinutes(2), 10, CancellationToken.None));
        Assert.Empty(await deliveries.ClaimDueAsync("telegram", "b", Now.AddMinutes(1), Now.AddMinutes(3), 10, CancellationToken.None));
        Assert.Empty(await deliveries.ClaimDueAsync("discord", "a", Now, Now.AddMinutes(2), 10, CancellationToken.None));
        Assert.False(await deliveries.MarkSentAsync(claimed.DeliveryId, "b", "m-b", Now.AddMinutes(1), CancellationToken.None));

        // a stalls past its claim; b takes the row over and sends it; a's late outcome is refused.
        Assert.Single(await deliveries.ClaimDueAsync("telegram", "b", Now.AddMinutes(3), Now.AddMinutes(5), 10, CancellationToken.None));
        Assert.True(await deliveries.MarkSentAsync(claimed.DeliveryId, "b", "m-b", Now.AddMinutes(4), CancellationToken.None));
        Assert.False(await deliveries.MarkSentAsync(claimed.DeliveryId, "a", "m-a", Now.AddMinutes(4), CancellationToken.None));
        Assert.Empty(await deliveries.ClaimDueAsync("telegram", "a", Now.AddMinutes(10), Now.AddMinutes(12), 10, CancellationToken.None));
        var row = await db.Deliveries.AsNoTracking().SingleAsync();
        Assert.Equal(("m-b", DeliveryState.Sent, 1), (row.MessageId, row.State, row.Attempts));
    }

    [Fact]
    public async Task PapersAreListedOnceRetriedGivenUpAndTheirTrailIsStoredOnce()
    {
        await using var db = _database.Open();
        var papers = new PaperStore(RadarDatabase.Over(db));
        var items = new[] { new ArxivItem("2612.00001", "One", ["Ada Lovelace"], Now), new ArxivItem("2612.00002", "Two", ["Grace Hopper", "Alan Turing"], Now) };

        Assert.Equal(2, await papers.AddListedAsync(items, Now, CancellationToken.None));
        Assert.Equal(0, await papers.AddListedAsync(items, Now, CancellationToken.None)); // listed again by another category
        Assert.Equal(["2612.00001", "2612.00002"], (await papers.DueAsync(Now, 10, CancellationToken.None)).Select(p => p.ArxivId));

        await papers.PostponeAsync("2612.00001", Now.AddDays(1), "not indexed by OpenAlex yet", Now, CancellationToken.None);
        await papers.PostponeAsync("2612.00002", null, "given up", Now, CancellationToken.None);
        Assert.Empty(await papers.DueAsync(Now.AddHours(23), 10, CancellationToken.None));
        var later = Assert.Single(await papers.DueAsync(Now.AddDays(1), 10, CancellationToken.None));
        Assert.Equal(("2612.00001", 1, "not indexed by OpenAlex yet"), (later.ArxivId, later.Lookups, later.LastError));
        Assert.Equal(PaperState.GaveUp, (await db.Papers.AsNoTracking().SingleAsync(p => p.ArxivId == "2612.00002")).State);

        var work = new PaperWork("2612.00001", "One", "2026-11-28", []);
        var finding = new AuthorFinding("Ada Lovelace", AuthorOutcome.Joint, "person:ada-lovelace", "0000-0002-1825-0097", ["org:meta", "org:new-lab"]);
        var lab = new Radar.Feeds.Knowledge.KnownEntity { Id = "org:new-lab", Kind = Radar.Feeds.Knowledge.EntityKind.Org, Name = "New Lab", Ror = "0abcd1234", Reported = true };
        var reading = new PaperReading(work, [finding, finding with { Outcome = AuthorOutcome.Ambiguous, PersonId = null }], [lab]);
        await papers.CompleteAsync(reading, new KnowledgeStore(RadarDatabase.Over(db)), Now, CancellationToken.None);
        await papers.CompleteAsync(reading, new KnowledgeStore(RadarDatabase.Over(db)), Now, CancellationToken.None); // a second instance, or a restart mid-way

        var trail = (await papers.TrailsAsync(CancellationToken.None))["person:ada-lovelace"].Single();
        Assert.Equal(("arXiv:2612.00001", "2026-11-28", "0000-0002-1825-0097"), (trail.Appearance.Model, trail.Appearance.Date, trail.Orcid));
        Assert.Equal(["org:meta", "org:new-lab"], trail.Appearance.OrgIds);
        Assert.Equal("0abcd1234", (await new KnowledgeStore(RadarDatabase.Over(db)).LoadAsync(CancellationToken.None)).Single(e => e.Id == "org:new-lab").Ror);
        Assert.Equal(PaperState.Done, (await db.Papers.AsNoTracking().SingleAsync(p => p.ArxivId == "2612.00001")).State);
    }
}
