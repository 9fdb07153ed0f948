using Radar.Feeds.Extraction;
using Radar.Feeds.Matching;
using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Matching;

public sealed class SubscriptionIndexTests
{
    private static StoryFacts Story(Topic[] topics, string[] entities, string text = "", string language = "en") =>
        new(topics.ToHashSet(), entities.ToHashSet(), MatchText.Tokenize(text), language);

    [Fact]
    public void TopicsEntitiesKeywordsAndLanguagesAllHaveToHold()
    {
        var index = new SubscriptionIndex(
        [
            new SubscriptionFilter(1, 10, Topic.Talent, OrgId: "org:meta"),
            new SubscriptionFilter(2, 20, Topic.Launches, OrgId: "org:google"),
            new SubscriptionFilter(3, 30, null),
            new SubscriptionFilter(4, 40, Topic.Talent, PersonId: "person:guillaume-lample", OrgId: "org:mistral-ai"),
            new SubscriptionFilter(5, 50, null, Keyword: "open weights"),
            new SubscriptionFilter(6, 60, Topic.Talent, SourceLanguage: "ar"),
        ]);

        var matched = index.Match(Story([Topic.Talent], ["org:meta", "org:mistral-ai", "person:guillaume-lample"], "Mistral ships open weights", "ar"));

        Assert.Equal([1L, 3, 4, 5, 6], matched.Select(m => m.Id));
    }

    [Fact]
    public void AChannelGetsAStoryOnceWithItsOldestMatchingSubscription()
    {
        var index = new SubscriptionIndex([new SubscriptionFilter(7, 1, Topic.Talent, OrgId: "org:meta"), new SubscriptionFilter(3, 1, null)]);

        var matched = Assert.Single(index.Match(Story([Topic.Talent], ["org:meta"])));

        Assert.Equal(3, matched.Id);
    }

    [Fact]
    public void AStoryWithoutTopicsMatchesNothing() =>
        Assert.Empty(new SubscriptionIndex([new SubscriptionFilter(1, 1, null), new SubscriptionFilter(2, 2, null, OrgId: "org:nvidia")]).Match(Story([], ["org:nvidia"])));

    [Fact]
    public void ShortAndLongKeywordsStartingAtTheSameWordBothMatch()
    {
        var index = new SubscriptionIndex([new SubscriptionFilter(1, 1, null, Keyword: "Llama"), new SubscriptionFilter(2, 2, null, Keyword: "Llama 4")]);

        Assert.Equal(2, index.Match(Story([Topic.Launches], [], "Meta ships Llama 4 Scout")).Count);
        Assert.Single(index.Match(Story([Topic.Launches], [], "Meta ships Llama 3")));
    }

    [Fact]
    public void DescribesWhyForTheFooter() =>
        Assert.Equal("talent org:Meta keyword:\"agents\"", new SubscriptionFilter(1, 1, Topic.Talent, OrgId: "org:meta", Keyword: "agents").Describe(id => id == "org:meta" ? "Meta" : id));
}
