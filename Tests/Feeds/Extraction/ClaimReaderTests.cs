using Radar.Feeds.Extraction;

namespace Radar.Tests.Feeds.Extraction;

public sealed class ClaimReaderTests
{
    [Theory]
    [InlineData("Sam Chen is in talks to join Anthropic, according to people familiar with the matter", "en", ClaimTier.Reported)]
    [InlineData("Nadia Perez reportedly leaves xAI", "en", ClaimTier.Reported)]
    [InlineData("Google is said to be weighing a delay of its next model", "en", ClaimTier.Reported)]
    [InlineData("The company declined to comment.", "en", ClaimTier.Reported)]
    [InlineData("Mistral confirms the hire in a statement", "en", ClaimTier.Confirmed)]
    [InlineData("Meta dismisses reports that its chief scientist is leaving", "en", ClaimTier.Denied)]
    [InlineData("Nadia Perez denies she is joining OpenAI", "en", ClaimTier.Denied)]
    [InlineData("Nadia Perez joins OpenAI", "en", null)]
    [InlineData("Léa Martin quitterait Mistral AI pour Google, selon nos informations", "fr", ClaimTier.Reported)]
    [InlineData("Mistral AI aurait recruté un chercheur de DeepMind", "fr", ClaimTier.Reported)]
    [InlineData("Mistral AI annonce l'arrivée de Léa Martin dans un communiqué", "fr", ClaimTier.Confirmed)]
    [InlineData("Mistral AI dément le départ de Léa Martin", "fr", ClaimTier.Denied)]
    [InlineData("وبحسب مصادر مطلعة، ستنضم الباحثة إلى أنثروبيك", "ar", ClaimTier.Reported)]
    [InlineData("تفيد تقارير بأن جوجل تؤجل نموذجها الجديد", "ar", ClaimTier.Reported)]
    [InlineData("أعلنت ميتا تعيين رئيس جديد لمختبرها", "ar", ClaimTier.Confirmed)]
    [InlineData("ونفت الشركة مغادرة الباحث", "ar", ClaimTier.Denied)]
    public void ReadsHowSureASentenceIsInThreeLanguages(string sentence, string language, ClaimTier? tier) =>
        Assert.Equal(tier, ClaimReader.TierOf(sentence, language));

    [Theory]
    [InlineData("Nadia Perez denies reports that she is leaving xAI for OpenAI", "en", "Nadia Perez  she is leaving xAI for OpenAI")]
    [InlineData("Léa Martin dément rejoindre Google", "fr", "Léa Martin  rejoindre Google")]
    [InlineData("ميتا تنفي انتقال الباحث إلى جوجل", "ar", "ميتا  انتقال الباحث إلى جوجل")]
    [InlineData("Nadia Perez joins OpenAI", "en", null)]
    public void ADenialIsCutOutOfTheTextAsWrittenSoThatWhatItDeniesCanBeRead(string text, string language, string? without) =>
        Assert.Equal(without, ClaimReader.WithoutDenial(text, language));
}
