using System.Text;
using Radar.Bot.WebSub;
using Radar.Feeds.Fetching;
using Radar.Feeds.Parsing;

namespace Radar.Tests.Feeds.Fetching;

public sealed class WebSubLinksTests
{
    private static readonly Uri FetchedFrom = new("https://news.test/feed.xml");

    [Fact]
    public void AnAtomFeedNamesItsHubAndSelf()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-12-01T00:00:00Z</updated>
            <link rel="hub" href="https://hub.test/"/><link rel="self" href="https://news.test/atom"/>
            <entry><title>E</title><id>urn:e</id><updated>2026-12-01T00:00:00Z</updated><link rel="hub" href="https://wrong.test/"/></entry></feed>
            """;

        var hub = FeedParser.Parse(Encoding.UTF8.GetBytes(atom), DateTimeOffset.UtcNow, baseUri: FetchedFrom).Hub;

        Assert.Equal(new WebSubLinks(new Uri("https://hub.test/"), new Uri("https://news.test/atom")), hub);
    }

    [Fact]
    public void AnRssChannelNamesItsHubWithAtomLinksAndFallsBackToTheFetchedUrl()
    {
        const string rss = """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>https://news.test/</link><description>d</description>
            <atom:link rel="hub" href="https://hub.test/"/><item><title>E</title></item></channel></rss>
            """;

        var hub = FeedParser.Parse(Encoding.UTF8.GetBytes(rss), DateTimeOffset.UtcNow, baseUri: FetchedFrom).Hub;

        Assert.Equal(new WebSubLinks(new Uri("https://hub.test/"), FetchedFrom), hub);
    }

    [Fact]
    public void AFeedWithoutAHubHasNone()
    {
        const string rss = """<rss version="2.0"><channel><title>T</title><item><title>E</title></item></channel></rss>""";

        Assert.Null(FeedParser.Parse(Encoding.UTF8.GetBytes(rss), DateTimeOffset.UtcNow, baseUri: FetchedFrom).Hub);
    }

    [Theory]
    [InlineData("""<https://hub.test/>; rel="hub", <https://news.test/self>; rel="self" """, "https://hub.test/", "https://news.test/self")]
    [InlineData("""<https://news.test/self>; rel=self,<https://hub.test/>;rel="hub" """, "https://hub.test/", "https://news.test/self")]
    [InlineData("""<https://hub.test/>; rel="hub" """, "https://hub.test/", "https://news.test/feed.xml")]
    public void ALinkHeaderNamesTheHub(string header, string hub, string topic)
    {
        Assert.Equal(new WebSubLinks(new Uri(hub), new Uri(topic)), WebSubLinks.FromLinkHeader(header, FetchedFrom));
    }

    [Theory]
    [InlineData("""<https://news.test/self>; rel="self" """)]
    [InlineData("""<ftp://hub.test/>; rel="hub" """)]
    [InlineData("garbage")]
    public void ALinkHeaderWithoutAnHttpHubNamesNone(string header)
    {
        Assert.Null(WebSubLinks.FromLinkHeader(header, FetchedFrom));
    }

    [Fact]
    public void ASignatureWithAnotherKeyOrBodyIsRefused()
    {
        var body = Encoding.UTF8.GetBytes("<rss/>");

        Assert.False(WebSubSignature.IsValid("sha1=5bd0d3f9a1c1f1e5f1c44a1b6f2d5a8a7b41b2f4", "secret", body));
        Assert.False(WebSubSignature.IsValid(WebSubSignature.Sign("other", body), "secret", body));
        Assert.False(WebSubSignature.IsValid(WebSubSignature.Sign("secret", body), "secret", Encoding.UTF8.GetBytes("<rss />")));
        Assert.False(WebSubSignature.IsValid(null, "secret", body));
        Assert.False(WebSubSignature.IsValid("md5=00", "secret", body));
        Assert.False(WebSubSignature.IsValid("sha256=zz", "secret", body));
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("sha384")]
    [InlineData("sha512")]
    public void EachSignatureMethodTheSpecNamesIsChecked(string method)
    {
        var body = Encoding.UTF8.GetBytes("<rss>pushed</rss>");
        var key = Encoding.UTF8.GetBytes("s3cret");
#pragma warning disable CA5350 // the test computes what a hub would send
        var mac = method switch
        {
            "sha1" => System.Security.Cryptography.HMACSHA1.HashData(key, body),
            "sha256" => System.Security.Cryptography.HMACSHA256.HashData(key, body),
            "sha384" => System.Security.Cryptography.HMACSHA384.HashData(key, body),
            _ => System.Security.Cryptography.HMACSHA512.HashData(key, body),
        };
#pragma warning restore CA5350

        Assert.True(WebSubSignature.IsValid($"{method}={Convert.ToHexString(mac)}", "s3cret", body));
        Assert.False(WebSubSignature.IsValid($"{method}={Convert.ToHexString(mac)}", "s3cret!", body));
    }
}
