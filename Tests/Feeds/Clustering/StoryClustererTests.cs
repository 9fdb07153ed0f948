using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Clustering;

public sealed class StoryClustererTests
{
    private static readonly EventExtractor Extractor = new(SeedKnowledge.Load());
    private static readonly StoryClusterer Clusterer = new(SeedKnowledge.Load());

    private static StorySignature Sign(string title, string summary, string? link = null) =>
        Clusterer.Sign(link, title, Extractor.Extract(title, summary));

    [Fact]
    public void TheEnglishArabicAndFrenchReportsOfOneDepartureAreOneStory()
    {
        var english = Sign("Mira Murati leaves OpenAI", "OpenAI's chief technology officer announced she is leaving the company after six and a half years.");
        var arabic = Sign("ميرا موراتي تغادر أوبن إيه آي", "أعلنت المديرة التقنية لشركة أوبن إيه آي رحيلها عن الشركة بعد أكثر من ست سنوات.");
        var french = Sign("Mira Murati quitte OpenAI", "La directrice technique d'OpenAI annonce son départ après six ans et demi.");

        Assert.True(StoryClusterer.SameStory(english, arabic));
        Assert.True(StoryClusterer.SameStory(english, french));
        Assert.True(StoryClusterer.SameStory(arabic, french));
    }

    [Fact]
    public void TwoDifferentDeparturesFromTheSameOrganisationAreTwoStories()
    {
        var murati = Sign("Mira Murati leaves OpenAI", "The CTO is leaving after six years.");
        var sutskever = Sign("Ilya Sutskever leaves OpenAI", "The chief scientist is leaving after almost a decade.");

        Assert.False(StoryClusterer.SameStory(murati, sutskever));
    }

    [Fact]
    public void NearDuplicateTitlesAreOneStory()
    {
        var first = Sign("Nvidia becomes the first company to reach a $4 trillion market value", string.Empty);
        var second = Sign("Nvidia becomes first company to reach a $4 trillion market value", string.Empty);
        var other = Sign("Nvidia shares fall as chip export rules tighten", string.Empty);

        Assert.True(StoryClusterer.SameStory(first, second));
        Assert.False(StoryClusterer.SameStory(first, other));
    }

    [Fact]
    public void TemplateTitlesWithOtherNumbersStayApart() =>
        Assert.False(StoryClusterer.SameStory(Sign("D.C. wellness calendar, Aug. 23-30", string.Empty), Sign("D.C. wellness calendar, Aug. 16-23", string.Empty)));

    [Fact]
    public void TheSameLinkIsOneStory() =>
        Assert.True(StoryClusterer.SameStory(Sign("A", string.Empty, "https://news.test/a"), Sign("Completely different words", string.Empty, "https://news.test/a")));

    [Fact]
    public void TheSameModelLaunchFromTwoOutletsIsOneStory()
    {
        var a = Sign("OpenAI launches GPT-5", "The model is available to all ChatGPT users.");
        var b = Sign("GPT-5 is here: OpenAI releases its new flagship model", string.Empty);
        var delay = Sign("OpenAI delays GPT-5", string.Empty);

        Assert.True(StoryClusterer.SameStory(a, b));
        Assert.False(StoryClusterer.SameStory(a, delay));
    }
}
