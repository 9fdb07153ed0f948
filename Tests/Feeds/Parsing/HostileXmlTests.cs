using System.Diagnostics;
using System.Text;
using Radar.Feeds.Parsing;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Feeds.Parsing;

/// <summary>XML never resolves external entities or DTDs, and entity expansion is bounded.</summary>
public sealed class HostileXmlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static string FeedWithEntity(string declaration, string reference) =>
        $"""
        <?xml version="1.0"?>
        <!DOCTYPE rss [ {declaration} ]>
        <rss version="2.0"><channel><title>t</title>
        <item><title>Title {reference}</title><link>https://example.test/a</link><description>Body {reference}</description></item>
        </channel></rss>
        """;

    [Fact]
    public void AnExternalEntityPointingAtALocalFileIsNotRead()
    {
        using var temp = new TempDirectory();
        var secret = temp.Combine("secret.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");

        var xml = FeedWithEntity($"<!ENTITY xxe SYSTEM \"file://{secret}\">", "&xxe;");
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now);

        var entry = Assert.Single(result.Entries);
        Assert.DoesNotContain("TOP-SECRET", entry.Title + entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("&xxe;", entry.Title + entry.Summary, StringComparison.Ordinal); // the reference vanishes, not shown as text
    }

    [Fact]
    public async Task AnExternalEntityPointingAtALocalServerIsNeverFetched()
    {
        await using var server = await FeedServer.StartAsync();
        server.Map("/secret", context => Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "TOP-SECRET-CONTENT"));

        var xml = FeedWithEntity($"<!ENTITY xxe SYSTEM \"{server.Url("/secret")}\"> <!ENTITY % p SYSTEM \"{server.Url("/secret")}\"> %p;", "&xxe;");
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now);

        var entry = Assert.Single(result.Entries);
        Assert.DoesNotContain("TOP-SECRET", entry.Title + entry.Summary, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void BillionLaughsFailsFastWithAClassifiedError()
    {
        var declarations = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : $"lol{i - 1}";
            declarations.Append(CultureInfoInvariant($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">"));
        }

        var xml = FeedWithEntity(declarations.ToString(), "&lol9;");
        var memoryBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now);

        Assert.Equal(ParseErrorKind.Unsafe, result.Error?.Kind);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - memoryBefore < 50_000_000, "expansion was not bounded");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void QuadraticBlowupIsRefusedOnceItsBudgetIsSpent()
    {
        var big = new string('a', 100_000);
        var references = string.Concat(Enumerable.Repeat("&big;", 2_000));
        var xml = FeedWithEntity($"<!ENTITY big \"{big}\">", references);

        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now);

        Assert.Equal(ParseErrorKind.Unsafe, result.Error?.Kind);
    }

    [Fact]
    public void AnInternalEntityWithPlainTextIsExpandedOnce()
    {
        var xml = FeedWithEntity("<!ENTITY lab \"Mistral AI\">", "&lab;");

        var entry = Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Now).Entries);

        Assert.Equal("Title Mistral AI", entry.Title);
    }

    [Fact]
    public void AGzipBombIsRefused()
    {
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                gzip.Write(zeros);
            }
        }

        var result = FeedParser.Parse(packed.ToArray(), Now);

        Assert.Equal(ParseErrorKind.Unsafe, result.Error?.Kind);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
