using System.Text;
using Radar.Feeds.Parsing;

namespace Radar.Tests.Feeds.Parsing;

/// <summary>Normalisation of entries and the leniency real feeds need.</summary>
public sealed class FeedParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static ParsedFeed Parse(string xml, string? hint = null) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now, hint);

    [Fact]
    public void NormalisesTitleSummaryLinkAndDate()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>GPT-5 &lt;b&gt;ships&lt;/b&gt; &amp; more</title>
            <link>https://Example.test/a?utm_source=x&amp;id=3#comments</link>
            <description><![CDATA[<p>OpenAI <b>released</b>&nbsp;it.</p><script>alert(1)</script>]]></description>
            <pubDate>Fri, 27 Nov 2026 09:30:00 GMT</pubDate><guid>g-1</guid></item>
            </channel></rss>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("GPT-5 ships & more", entry.Title);
        Assert.Equal("OpenAI released it.", entry.Summary);
        Assert.Equal("https://example.test/a?id=3", entry.Link);
        Assert.Equal("g-1", entry.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero), entry.Published);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("")]
    public void OneInvalidByteInAUtf8FeedSpoilsOnlyThatByte(string declaration)
    {
        var xml = declaration + "<rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>ميتا تخسر علماءها</title></item><item><title>Mistral lève 2 milliards d’euros</title></item>"
            + "<item><title>Bad BYTE here</title></item></channel></rss>";
        var bytes = Encoding.UTF8.GetBytes(xml);
        bytes[bytes.AsSpan().IndexOf("Bad "u8) + 3] = 0xFF; // the space after "Bad"

        var titles = FeedParser.Parse(bytes, Now).Entries.Select(e => e.Title).ToList();

        Assert.Equal(["ميتا تخسر علماءها", "Mistral lève 2 milliards d’euros", "Bad\uFFFDBYTE here"], titles);
    }

    [Fact]
    public void FallsBackFromGuidToLinkToAHashForTheId()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
            <item><title>With link</title><link>https://example.test/x</link></item>
            <item><title>Bare</title></item>
            </channel></rss>
            """);

        Assert.Equal("https://example.test/x", feed.Entries[0].Id);
        Assert.StartsWith("sha256:", feed.Entries[1].Id, StringComparison.Ordinal);
        Assert.Equal(feed.Entries[1].Id, Parse("<rss version=\"2.0\"><channel><item><title>Bare</title></item></channel></rss>").Entries[0].Id);
    }

    [Fact]
    public void UndatedEntriesTakeTheFirstSeenTime()
    {
        var entry = Assert.Single(Parse("<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>").Entries);

        Assert.Equal(Now, entry.Published);
    }

    [Theory]
    [InlineData("Meta delays the release of its largest model", null, "en")]
    [InlineData("ميتا تؤجل إطلاق أكبر نموذج ذكاء اصطناعي لها", null, "ar")]
    [InlineData("Guillaume Lample quitte Meta pour fonder Mistral AI avec des anciens de l'équipe", null, "fr")]
    [InlineData("Anything at all", "fr-FR", "fr")]
    public void TakesTheLanguageFromTheHintElseFromTheText(string title, string? hint, string expected)
    {
        var entry = Assert.Single(Parse($"<rss version=\"2.0\"><channel><item><title>{title}</title></item></channel></rss>", hint).Entries);

        Assert.Equal(expected, entry.Language);
    }

    [Fact]
    public void RecoversEntriesFromADocumentCutOffMidway()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>First</title><link>https://example.test/1</link></item>
            <item><title>Second</title><link>https://example.test/2</link><description>cut here
            """);

        Assert.True(feed.Succeeded);
        Assert.Equal(["First", "Second"], feed.Entries.Select(e => e.Title));
    }

    [Fact]
    public void RecoversStrayAmpersandsAndUndefinedEntities()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
            <item><title>AT&T and R&D &mdash; caf&eacute;&nbsp;news &bogus; &#X41;</title><link>https://example.test/?a=1&b=2</link></item>
            </channel></rss>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("AT&T and R&D — café news &bogus; A", entry.Title);
        Assert.Equal("https://example.test/?a=1&b=2", entry.Link);
    }

    [Fact]
    public void ReadsLatin1BytesThatClaimNoEncoding()
    {
        var bytes = Encoding.Latin1.GetBytes("<rss version=\"2.0\"><channel><item><title>Intelligence artificielle : l'été de Mistral</title></item></channel></rss>");

        var entry = Assert.Single(FeedParser.Parse(bytes, Now).Entries);

        Assert.Equal("Intelligence artificielle : l'été de Mistral", entry.Title);
    }

    [Fact]
    public void ReadsTheDeclaredLegacyEncoding()
    {
        var windows1256 = CodePagesEncoding(1256);
        var bytes = windows1256.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><item><title>ميتا تؤجل</title></item></channel></rss>");

        var entry = Assert.Single(FeedParser.Parse(bytes, Now).Entries);

        Assert.Equal("ميتا تؤجل", entry.Title);
    }

    [Fact]
    public void ParsesAtomAndJsonFeed()
    {
        var atom = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><id>tag:a,2026:1</id><title>Atom entry</title><link href="https://example.test/atom"/><updated>2026-11-27T10:00:00Z</updated><summary>S</summary></entry>
            </feed>
            """);
        var json = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://example.test/json","title":"Json entry","content_text":"Body","date_published":"2026-11-27T10:00:00Z"}]}
            """);

        Assert.Equal("Atom entry", Assert.Single(atom.Entries).Title);
        Assert.Equal("https://example.test/atom", atom.Entries[0].Link);
        Assert.Equal("Json entry", Assert.Single(json.Entries).Title);
    }

    [Theory]
    [InlineData("", ParseErrorKind.Empty)]
    [InlineData("   \n ", ParseErrorKind.Empty)]
    [InlineData("<html><body><p>Not a feed</p></body></html>", ParseErrorKind.NotAFeed)]
    [InlineData("just some text", ParseErrorKind.NotAFeed)]
    public void ClassifiesWhatIsNotAFeed(string document, ParseErrorKind expected)
    {
        var result = Parse(document);

        Assert.Equal(expected, result.Error?.Kind);
        Assert.Empty(result.Entries);
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
