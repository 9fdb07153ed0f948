using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Text;

public sealed class ReaderLanguageTests
{
    [Theory]
    [InlineData("ar", "ar")]
    [InlineData(" FR ", "fr")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ATypedLanguageIsReadWhenRadarWritesIt(string? typed, string? language) => Assert.Equal(language, ReaderLanguage.Parse(typed));

    [Fact]
    public void CommandsOfferTheSameListInHelpAndErrors() =>
        Assert.Equal(("en|ar|fr", "en, ar or fr"), (ReaderLanguage.Choices, ReaderLanguage.Listed));
}
