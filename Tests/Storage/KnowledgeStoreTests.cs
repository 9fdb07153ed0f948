using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Model;
using Radar.Storage.Sql;
using Radar.Storage.Stores;
using Radar.Tests.Support;

namespace Radar.Tests.Storage;

/// <summary>The knowledge base in a real database of each provider: seeded idempotently, grown by reports that never overwrite facts.</summary>
public abstract class KnowledgeStoreTests(string provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await new KnowledgeStore(RadarDatabase.Over(db)).SyncSeedAsync([.. SeedKnowledge.Seed.Entities.Where(SeedKnowledge.IsStored)], Now, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<long> StoryAsync(string title)
    {
        await using var db = _database.Open();
        await new FeedStore(RadarDatabase.Over(db)).SyncAsync([new FeedSource("F", "https://f.test/feed")], Now, CancellationToken.None);
        var feedId = await db.Feeds.Select(f => f.Id).FirstAsync();
        var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(feedId, new FeedEntry(title, "https://f.test/" + Guid.NewGuid(), title, "", Now, "en"), Now, CancellationToken.None);
        return (await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", Now, CancellationToken.None)).Id;
    }

    [Fact]
    public async Task SyncingTheSeedTwiceChangesNothing()
    {
        await using var db = _database.Open();
        var entities = await db.KnowledgeEntities.CountAsync();
        var affiliations = await db.Affiliations.CountAsync();

        await new KnowledgeStore(RadarDatabase.Over(db)).SyncSeedAsync([.. SeedKnowledge.Seed.Entities.Where(SeedKnowledge.IsStored)], Now.AddDays(1), CancellationToken.None);

        Assert.Equal(entities, await db.KnowledgeEntities.CountAsync());
        Assert.Equal(affiliations, await db.Affiliations.CountAsync());
        Assert.Equal(SeedKnowledge.Seed.Entities.Count(SeedKnowledge.IsStored), entities);
    }

    [Fact]
    public async Task TheLoadedKnowledgeKeepsEverySpellingAndSource()
    {
        await using var db = _database.Open();
        var knowledge = new KnowledgeBase(await new KnowledgeStore(RadarDatabase.Over(db)).LoadAsync(CancellationToken.None), SeedKnowledge.Seed.Families);

        var lample = knowledge.Find("غيوم لامبل");
        Assert.Equal("Guillaume Lample", lample?.Name);
        Assert.Contains(lample!.Affiliations, a => a.OrgName == "Mistral AI" && a.Source is not null && !a.Reported);
    }

    [Fact]
    public async Task AReportedMoveJoinsThePathBesideTheFactsAndOnlyOncePerStory()
    {
        var story = await StoryAsync("Guillaume Lample joins Example Labs");
        await using var db = _database.Open();
        var store = new KnowledgeStore(RadarDatabase.Over(db));
        var lample = SeedKnowledge.Load().Find("Guillaume Lample")!;
        var step = new Affiliation("Example Labs", null, "chief scientist", "2026-11", null, "https://f.test/story", Reported: true);

        Assert.True(await store.RecordMoveAsync(lample, step, story, Now, CancellationToken.None));
        Assert.False(await store.RecordMoveAsync(lample, step, story, Now, CancellationToken.None));

        var path = (await store.LoadAsync(CancellationToken.None)).Single(e => e.Id == lample.Id).Affiliations;
        Assert.Contains(path, a => a.OrgName == "Mistral AI" && !a.Reported); // the fact stays
        Assert.Contains(path, a => a.OrgName == "Example Labs" && a.Reported && a.Source == "https://f.test/story");
    }

    [Fact]
    public async Task ContradictoryReportsStandSideBySide()
    {
        var first = await StoryAsync("Jane Doe joins xAI");
        var second = await StoryAsync("Jane Doe joins Anthropic");
        await using var db = _database.Open();
        var store = new KnowledgeStore(RadarDatabase.Over(db));
        var jane = new KnownEntity { Id = "person:jane-doe", Kind = EntityKind.Person, Name = "Jane Doe", Reported = true };

        await store.RecordMoveAsync(jane, new Affiliation("xAI", "org:xai", null, "2026-11", null, "https://a.test", true), first, Now, CancellationToken.None);
        await store.RecordMoveAsync(jane, new Affiliation("Anthropic", "org:anthropic", null, "2026-11", null, "https://b.test", true), second, Now, CancellationToken.None);

        var loaded = (await store.LoadAsync(CancellationToken.None)).Single(e => e.Id == "person:jane-doe");
        Assert.True(loaded.Reported);
        Assert.Equal(["xAI", "Anthropic"], loaded.Affiliations.Select(a => a.OrgName));
    }
}
