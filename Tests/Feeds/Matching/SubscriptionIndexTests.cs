using Radar.Feeds.Extraction;
using Radar.Feeds.Matching;
using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Matching;

public sealed class SubscriptionIndexTests
{
    private static StoryFacts Story(Topic[] topics, string[] entities, string text = "", string language = "en") =>
        new(topics.ToHashSet(), entities.ToHashSet(), MatchText.Tokenize(text), language, text);

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
    public void ExcludedWordsAndPatternsKeepAStoryOutWhateverItsCaseAccentsOrArabicSpelling()
    {
        var index = new SubscriptionIndex(
        [
            new SubscriptionFilter(1, 10, Topic.Talent, OrgId: "org:meta") { Exclude = ["rumeur", "people familiar"] },
            new SubscriptionFilter(2, 20, Topic.Talent) { Exclude = ["شائعة"] },
            new SubscriptionFilter(3, 30, Topic.Talent) { ExcludePattern = TextPattern.TryCreate(@"\breport(ed|s)?\b", out _) },
            new SubscriptionFilter(4, 40, Topic.Talent),
        ]);

        Assert.Equal([2L, 3, 4], index.Match(Story([Topic.Talent], ["org:meta"], "Meta : RUMEUR démentie")).Select(m => m.Id));
        Assert.Equal([2L, 3, 4], index.Match(Story([Topic.Talent], ["org:meta"], "According to People Familiar with it")).Select(m => m.Id));
        Assert.Equal([1L, 3, 4], index.Match(Story([Topic.Talent], ["org:meta"], "شائعه عن ميتا")).Select(m => m.Id));
        Assert.Equal([1L, 2, 4], index.Match(Story([Topic.Talent], ["org:meta"], "Meta reportedly hires; Reported by many")).Select(m => m.Id));
    }

    [Fact]
    public void APatternMustMatchAndTheAlertSaysWhatItFound()
    {
        var subscription = new SubscriptionFilter(1, 10, Topic.Launches) { Pattern = TextPattern.TryCreate(@"\bopen[- ]weights?\b", out _) };
        var index = new SubscriptionIndex([subscription]);
        var open = new StoryFacts(new HashSet<Topic> { Topic.Launches }, new HashSet<string>(), MatchText.Tokenize(string.Empty), "en", "Mistral ships an Open-Weight model");

        Assert.Single(index.Match(open));
        Assert.Empty(index.Match(new StoryFacts(new HashSet<Topic> { Topic.Launches }, new HashSet<string>(), MatchText.Tokenize(string.Empty), "en", "Google ships a closed model")));
        Assert.Equal("launches pattern:\"\\bopen[- ]weights?\\b\" (found \"open-weight\")", subscription.Why(open, id => id));
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
