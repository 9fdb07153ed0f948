using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Matching;
using Radar.Feeds.Model;
using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Analysis;

public sealed class StoryRoutingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    private static FeedEntry Entry(int n, double hoursAgo) => new($"id-{n}", $"https://news.test/{n}", $"Title {n}", string.Empty, Now.AddHours(-hoursAgo), "en");

    [Fact]
    public void AFirstFetchAlertsOnlyTheFiveMostRecentEntriesOfTheLastDay()
    {
        var batch = Enumerable.Range(0, 8).Select(n => Entry(n, n)).Append(Entry(99, 30)).ToList();

        var mayAlert = StoryRouting.MayAlert(primed: false, batch, Now);

        Assert.Equal(["id-0", "id-1", "id-2", "id-3", "id-4"], batch.Where(mayAlert).Select(e => e.Id));
    }

    [Fact]
    public void APrimedFeedAlertsOnEveryNewEntryWhateverItsDate()
    {
        var mayAlert = StoryRouting.MayAlert(primed: true, [], Now);

        Assert.True(mayAlert(Entry(1, 500)));
    }

    [Fact]
    public void AReportOfAKnownEventJoinsThatStoryAndANewOneDoesNot()
    {
        var known = new KnownStory(7, new StorySignature("https://a.test/1", 1, "x", ["move:person:guillaume-lample:org:mistral-ai"]));
        var other = new KnownStory(8, new StorySignature("https://a.test/2", 2, "y", ["model:model:gpt-5:ModelLaunch"]));

        Assert.Equal(7, StoryRouting.SameAs(new StorySignature("https://b.test/9", 3, "z", ["move:person:guillaume-lample:org:mistral-ai"]), [other, known])?.Id);
        Assert.Null(StoryRouting.SameAs(new StorySignature("https://b.test/9", 3, "z", ["move:person:jane-doe:org:xai"]), [other, known]));
    }

    [Fact]
    public void RoutingSendsEachChannelOnceSaysWhyAndHoldsDigestsForTheirHour()
    {
        var index = new SubscriptionIndex(
        [
            new SubscriptionFilter(1, 10, Topic.Talent, OrgId: "org:meta"),
            new SubscriptionFilter(2, 10, null),
            new SubscriptionFilter(3, 20, Topic.Launches),
            new SubscriptionFilter(4, 30, null) { DigestTime = "08:00", TimeZone = "UTC" },
        ]);
        var facts = new StoryFacts(new HashSet<Topic> { Topic.Talent }, new HashSet<string>(["org:meta"], StringComparer.Ordinal), MatchText.Tokenize("Meta researcher leaves"), "en");

        var targets = StoryRouting.Route(facts, index, Now, id => id == "org:meta" ? "Meta" : id);

        Assert.Equal([10L, 30L], targets.Select(t => t.ChannelId));
        Assert.Equal("talent org:Meta", targets[0].Matched);
        Assert.False(targets[0].Digest);
        Assert.Equal(Now.UtcDateTime, targets[0].DueAt);
        Assert.True(targets[1].Digest);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), targets[1].DueAt);
    }

    [Fact]
    public void ReportsPublishedMoreThanTheWindowApartAreDifferentStoriesUnlessTheyShareTheirLink()
    {
        var then = new DateTime(2023, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var known = new KnownStory(7, new StorySignature("https://a.test/1", 1, "x", ["move:person:jan-leike:org:openai"]), then);

        Assert.Null(StoryRouting.SameAs(new StorySignature("https://b.test/2", 2, "y", ["move:person:jan-leike:org:openai"]), [known], new DateTimeOffset(then.AddDays(1000))));
        Assert.Equal(7, StoryRouting.SameAs(new StorySignature("https://b.test/2", 2, "y", ["move:person:jan-leike:org:openai"]), [known], new DateTimeOffset(then.AddDays(2)))?.Id);
        Assert.Equal(7, StoryRouting.SameAs(new StorySignature("https://a.test/1", 2, "y", []), [known], new DateTimeOffset(then.AddDays(1000)))?.Id);
    }
}
