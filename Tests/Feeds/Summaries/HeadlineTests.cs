using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Summaries;

namespace Radar.Tests.Feeds.Summaries;

public sealed class HeadlineTests
{
    private static readonly EventExtractor Extractor = new(SeedKnowledge.Load());
    private static readonly Headline Headline = new(SeedKnowledge.Load());

    private static string? Render(string title, string language) => Headline.Render(Extractor.Extract(title, string.Empty).Events, language);

    [Theory]
    [InlineData("en", "Jan Leike: OpenAI → Anthropic")]
    [InlineData("fr", "Jan Leike: OpenAI → Anthropic")]
    [InlineData("ar", "يان لايكه: أوبن إيه آي → أنثروبيك")]
    public void AMoveReadsFromTo(string language, string expected) =>
        Assert.Equal(expected, Render("Jan Leike joins Anthropic after quitting OpenAI", language));

    [Theory]
    [InlineData("en", "Meta delays Llama 4 Behemoth")]
    [InlineData("fr", "Meta reporte Llama 4 Behemoth")]
    [InlineData("ar", "ميتا تؤجل Llama 4 Behemoth")]
    public void ADelayNamesTheMakerAndTheModel(string language, string expected) =>
        Assert.Equal(expected, Render("Meta delays release of its largest Llama 4 model, Behemoth", language));

    [Theory]
    [InlineData("en", "كريم نصار (Krim Nsar): Google → Anthropic")]
    [InlineData("ar", "كريم نصار: غوغل → أنثروبيك")]
    public void AnArabicNameNobodyKnowsKeepsItsArabicWithATransliterationForOtherReaders(string language, string expected) =>
        Assert.Equal(expected, Render("أنثروبيك تستقطب الباحث كريم نصار من غوغل", language));

    [Theory]
    [InlineData("en", "Yinfei Yang leaves Apple")]
    [InlineData("fr", "Yinfei Yang quitte Apple")]
    public void AKnownPersonWrittenInArabicLettersIsNamedInLatinLetters(string language, string expected) =>
        Assert.Equal(expected, Render("مغادرة الباحث ينفي يانغ من أبل", language));

    [Fact]
    public void ADepartureWithoutDestinationSaysLeaves() => Assert.Equal("Mira Murati leaves OpenAI", Render("Mira Murati leaves OpenAI", "en"));

    [Fact]
    public void AStoryWithoutEventsHasNoHeadline() => Assert.Null(Render("Nvidia becomes the first company to reach a $4 trillion market value", "en"));

    [Fact]
    public void TheExtractiveSummaryKeepsWholeSentencesUnder300Characters()
    {
        var text = string.Join(' ', Enumerable.Repeat("This sentence has exactly forty-four chars.", 10));

        var summary = ExtractiveSummary.Create(text);

        Assert.True(summary.Length <= ExtractiveSummary.MaxLength);
        Assert.EndsWith(".", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlongSentenceIsCutBetweenWords()
    {
        var summary = ExtractiveSummary.Create(string.Join(' ', Enumerable.Repeat("word", 200)));

        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= ExtractiveSummary.MaxLength);
    }
}
