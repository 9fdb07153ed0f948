using Radar.Feeds.Matching;
using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Matching;

public sealed class SubscriptionIndexTests
{
    private static StoryFacts Story(string[] topics, string[] entities, string text = "", string language = "en") =>
        new(topics.ToHashSet(), entities.ToHashSet(), MatchText.Tokenize(text), language);

    [Fact]
    public void TopicsEntitiesKeywordsAndLanguagesAllHaveToHold()
    {
        var index = new SubscriptionIndex(
        [
            new SubscriptionFilter(1, 10, "talent", OrgId: "org:meta"),
            new SubscriptionFilter(2, 20, "launches", OrgId: "org:google"),
            new SubscriptionFilter(3, 30, "all"),
            new SubscriptionFilter(4, 40, "talent", PersonId: "person:guillaume-lample", OrgId: "org:mistral-ai"),
            new SubscriptionFilter(5, 50, "all", Keyword: "open weights"),
            new SubscriptionFilter(6, 60, "talent", SourceLanguage: "ar"),
        ]);

        var matched = index.Match(Story(["talent"], ["org:meta", "org:mistral-ai", "person:guillaume-lample"], "Mistral ships open weights", "ar"));

        Assert.Equal([1L, 3, 4, 5, 6], matched.Select(m => m.Id));
    }

    [Fact]
    public void AChannelGetsAStoryOnceWithItsOldestMatchingSubscription()
    {
        var index = new SubscriptionIndex([new SubscriptionFilter(7, 1, "talent", OrgId: "org:meta"), new SubscriptionFilter(3, 1, "all")]);

        var matched = Assert.Single(index.Match(Story(["talent"], ["org:meta"])));

        Assert.Equal(3, matched.Id);
    }

    [Fact]
    public void AStoryWithoutTopicsMatchesNothing() =>
        Assert.Empty(new SubscriptionIndex([new SubscriptionFilter(1, 1, "all"), new SubscriptionFilter(2, 2, "all", OrgId: "org:nvidia")]).Match(Story([], ["org:nvidia"])));

    [Fact]
    public void ShortAndLongKeywordsStartingAtTheSameWordBothMatch()
    {
        var index = new SubscriptionIndex([new SubscriptionFilter(1, 1, "all", Keyword: "Llama"), new SubscriptionFilter(2, 2, "all", Keyword: "Llama 4")]);

        Assert.Equal(2, index.Match(Story(["launches"], [], "Meta ships Llama 4 Scout")).Count);
        Assert.Single(index.Match(Story(["launches"], [], "Meta ships Llama 3")));
    }

    [Fact]
    public void DescribesWhyForTheFooter() =>
        Assert.Equal("talent org:Meta keyword:\"agents\"", new SubscriptionFilter(1, 1, "talent", OrgId: "org:meta", Keyword: "agents").Describe(id => id == "org:meta" ? "Meta" : id));
}
