using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Text;

public sealed class TextTests
{
    [Theory]
    [InlineData("https://Example.COM:443/a/b?utm_source=rss&utm_medium=feed&id=7#section", "https://example.com/a/b?id=7")]
    [InlineData("http://example.com/a?fbclid=xyz", "http://example.com/a")]
    [InlineData("  https://example.com/path  ", "https://example.com/path")]
    [InlineData("/relative/story", "https://base.test/relative/story")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("", null)]
    public void CanonicalLinksDropTrackingAndFragments(string link, string? expected) =>
        Assert.Equal(expected, LinkCanonicalizer.Canonicalize(link, new Uri("https://base.test/feed")));

    [Theory]
    [InlineData("<img alt=\"1 > 0\">text", "text")]
    [InlineData("<a title='a > b' href=\"x\">link</a> after", "link after")]
    [InlineData("<p class=x>1 > 0</p>", "1 > 0")]
    [InlineData("<img alt=\"unclosed>text", "text")]
    public void AQuotedAttributeDoesNotEndItsTag(string html, string text)
    {
        Assert.Equal(text, Radar.Feeds.Text.HtmlText.ToPlainText(html));
    }

    [Fact]
    public void TitleKeysIgnoreCaseAccentsPunctuationAndSpacing() =>
        Assert.Equal(TitleKey.Normalize("Timothée Lacroix leaves Meta!"), TitleKey.Normalize("  timothee LACROIX — leaves   meta "));

    [Fact]
    public void TitleKeysKeepDifferentStoriesApart() =>
        Assert.NotEqual(TitleKey.Normalize("Meta delays Behemoth"), TitleKey.Normalize("Meta ships Behemoth"));

    [Theory]
    [InlineData("OpenAI co-founder John Schulman leaves for Anthropic", "en")]
    [InlineData("غيوم لامبل وتيموثي لاكروا يغادران ميتا", "ar")]
    [InlineData("Joelle Pineau quitte la direction du laboratoire FAIR de Meta", "fr")]
    [InlineData("متا از مدل جدید خود رونمایی کرد و گفت که این یک پیشرفت است", "fa")]
    [InlineData("Новая модель от OpenAI", "ru")]
    [InlineData("12345 !!!", "und")]
    public void DetectsLanguageFromScriptAndStopWords(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("fr_FR", "fr")]
    [InlineData("AR", "ar")]
    [InlineData("not a language", null)]
    [InlineData(null, null)]
    public void ReadsLanguageHints(string? hint, string? expected) => Assert.Equal(expected, LanguageDetector.FromHint(hint));

    [Theory]
    [InlineData("<p>Hello&nbsp;<b>world</b></p><p>again</p>", "Hello world again")]
    [InlineData("a<br>b", "a b")]
    [InlineData("<script>var x = '<p>';</script>text<style>p{}</style>", "text")]
    [InlineData("&lt;b&gt;escaped&lt;/b&gt; tags", "escaped tags")]
    [InlineData("5 < 6 and 7 > 3", "5 < 6 and 7 > 3")]
    [InlineData("<!-- hidden -->shown", "shown")]
    public void PlainTextDropsMarkupAndDecodesEntities(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void PlainTextStopsAtItsLength() => Assert.Equal(10, HtmlText.ToPlainText(new string('x', 5_000), 10).Length);
}
