using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Analysis;

public sealed class StoryAnalyserTests
{
    private static readonly StoryAnalyser Analyser = new(SeedKnowledge.Load());

    [Fact]
    public void OneReportGivesTypedTopicsAndEventsAHeadlineInItsLanguageASummaryAndASignature()
    {
        var analysis = Analyser.Analyse(new AnalysisInput(
            "Guillaume Lample quitte Meta pour cofonder Mistral AI",
            "Le chercheur, l'un des auteurs de LLaMA, rejoint la start-up parisienne. Elle lève 105 millions d'euros.",
            Link: "https://news.test/lample"));

        Assert.Equal("fr", analysis.Language);
        Assert.Equal([Topic.Talent], analysis.Extraction.Topics);
        Assert.Equal(EventKind.Founding, Assert.Single(analysis.Extraction.Events).Type);
        Assert.Equal("Guillaume Lample: Meta → Mistral AI", analysis.Headline);
        Assert.StartsWith("Le chercheur", analysis.Summary, StringComparison.Ordinal);
        Assert.Equal("https://news.test/lample", analysis.Signature.Link);
        Assert.Contains(analysis.Signature.EventKeys, k => k.StartsWith("move:person:guillaume-lample:", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportOffTopicHasNoTopicNoHeadlineAndNoEventKeys()
    {
        var analysis = Analyser.Analyse(new AnalysisInput("Quarterly results beat expectations", "Revenue rose 12%."));

        Assert.Empty(analysis.Extraction.Topics);
        Assert.Null(analysis.Headline);
        Assert.Empty(analysis.Signature.EventKeys);
    }

    [Fact]
    public void TheStoredFormWritesLowerCaseNamesAndReadsBackTheSameAnalysis()
    {
        var extraction = Analyser.Analyse(new AnalysisInput("Meta delays Behemoth", string.Empty)).Extraction;

        var json = AnalysisJson.Write(extraction);
        var read = AnalysisJson.Read(json);

        Assert.Contains("\"Topics\":[\"launches\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"Type\":\"model_delay\"", json, StringComparison.Ordinal);
        Assert.NotNull(read);
        Assert.Equal(extraction.Topics, read.Topics);
        Assert.Equal(extraction.Events, read.Events);
        Assert.Null(AnalysisJson.Read("{not json"));
    }

    [Theory]
    [InlineData("talent", true, Topic.Talent)]
    [InlineData("launches", true, Topic.Launches)]
    [InlineData("all", true, null)]
    [InlineData("Talent", false, null)]
    [InlineData("", false, null)]
    public void TopicChoicesAreTheThreeLowerCaseWordsUsersType(string text, bool valid, Topic? expected)
    {
        Assert.Equal(valid, TopicText.TryParseChoice(text, out var choice));
        Assert.Equal(expected, choice);
    }
}
