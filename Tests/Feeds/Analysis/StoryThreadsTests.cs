using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Analysis;

public sealed class StoryThreadsTests
{
    private static readonly StoryAnalyser Analyser = new(SeedKnowledge.Load());

    private static Radar.Feeds.Extraction.Extraction Read(string title, string? official = null) => Analyser.Analyse(new AnalysisInput(title, Official: official)).Extraction;

    [Fact]
    public void ALaunchFollowsTheDelayOfTheSameModel()
    {
        Assert.NotNull(StoryThreads.Follows(Read("Meta releases Llama 5"), Read("Meta reportedly delays Llama 5"), ClaimTier.Reported));
        Assert.Null(StoryThreads.Follows(Read("Meta releases Llama 5"), Read("Google delays Gemini 4"), ClaimTier.Confirmed));
    }

    [Fact]
    public void AMoveFollowsTheReportOfItAndAReturnFollowsTheDeparture()
    {
        Assert.NotNull(StoryThreads.Follows(Read("Hugo Touvron joins OpenAI"), Read("Hugo Touvron is in talks to join OpenAI"), ClaimTier.Reported));
        Assert.NotNull(StoryThreads.Follows(Read("Jan Leike returns to OpenAI"), Read("Jan Leike leaves OpenAI for Anthropic"), ClaimTier.Confirmed));
    }

    [Fact]
    public void TheSamePersonsNextMoveElsewhereIsAStoryOfItsOwn()
    {
        Assert.Null(StoryThreads.Follows(Read("Jan Leike leaves Google for Anthropic"), Read("Jan Leike leaves OpenAI for Google"), ClaimTier.Confirmed));
        Assert.Null(StoryThreads.Follows(Read("Hugo Touvron joins OpenAI"), Read("Hugo Touvron joins Google"), ClaimTier.Confirmed));
    }

    [Fact]
    public void AnOfficialFeedConfirmsWhatItSaysAndADenialCarriesWhatItDenies()
    {
        var official = Read("Hugo Touvron is reportedly joining OpenAI", official: "OpenAI");
        var denial = Read("Hugo Touvron denies he is leaving Meta for OpenAI");

        Assert.Equal(ClaimTier.Confirmed, official.Tier);
        Assert.Equal("OpenAI", official.ConfirmedBy);
        Assert.Equal(ClaimTier.Denied, denial.Tier);
        Assert.Empty(denial.Events); // a denial is not a move
        Assert.Equal("OpenAI", Assert.Single(denial.Denied!).To);
    }
}
