using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Radar.Feeds;
using Radar.Feeds.Fetching;
using Radar.Tests.Fakes;

namespace Radar.Tests.Feeds.Fetching;

/// <summary>The real fetcher against a real HTTP server on 127.0.0.1.</summary>
public sealed class FeedFetcherTests : IAsyncLifetime
{
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static FeedFetcher Fetcher(bool allowPrivate = true, TimeSpan? timeout = null, long maxBytes = 5 * 1024 * 1024)
    {
        var options = new FeedsOptions { AllowPrivateAddresses = allowPrivate, Timeout = timeout ?? TimeSpan.FromSeconds(5), MaxBytes = maxBytes };
        return new FeedFetcher(new HttpClient(FeedFetcher.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan }, Options.Create(options), TimeProvider.System);
    }

    [Fact]
    public async Task SendsBackETagAndLastModifiedAndTreats304AsNotModified()
    {
        _server.ServeFeed("/feed", () => "<rss version=\"2.0\"><channel/></rss>", etag: "\"abc\"");
        var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(_server.Url("/feed"), null, null, CancellationToken.None);
        var second = await fetcher.FetchAsync(_server.Url("/feed"), first.ETag, first.LastModified, CancellationToken.None);

        Assert.Equal(FetchOutcome.Content, first.Outcome);
        Assert.Equal("\"abc\"", first.ETag);
        Assert.Equal("Sat, 28 Nov 2026 10:00:00 GMT", first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        var conditional = _server.Requests.Last().Headers;
        Assert.Equal("\"abc\"", conditional.IfNoneMatch.ToString());
        Assert.Equal("Sat, 28 Nov 2026 10:00:00 GMT", conditional.IfModifiedSince.ToString());
    }

    [Fact]
    public async Task SendsTheRadarUserAgentAndAcceptsCompression()
    {
        _server.ServeFeed("/feed", () => "<rss/>");
        await Fetcher().FetchAsync(_server.Url("/feed"), null, null, CancellationToken.None);

        var headers = _server.Requests.Single().Headers;
        Assert.StartsWith("Radar/", headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Contains("+https://", headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Contains("gzip", headers.AcceptEncoding.ToString(), StringComparison.Ordinal);
        Assert.Contains("br", headers.AcceptEncoding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecompressesAGzipBody()
    {
        const string Xml = "<rss version=\"2.0\"><channel><title>zipped</title></channel></rss>";
        _server.Map("/gz", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(Xml));
            }

            await context.Response.Body.WriteAsync(buffer.ToArray());
        });

        var result = await Fetcher().FetchAsync(_server.Url("/gz"), null, null, CancellationToken.None);

        Assert.Equal(Xml, Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task FollowsARedirectChainOfFive()
    {
        for (var i = 1; i <= 5; i++)
        {
            var next = i == 5 ? "/final" : $"/hop{i + 1}";
            _server.Map($"/hop{i}", context =>
            {
                context.Response.Redirect(next);
                return Task.CompletedTask;
            });
        }

        _server.ServeFeed("/final", () => "<rss/>");

        var result = await Fetcher().FetchAsync(_server.Url("/hop1"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.EndsWith("/final", result.FinalUrl!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsARedirectLoop()
    {
        _server.Map("/a", context => { context.Response.Redirect("/b"); return Task.CompletedTask; });
        _server.Map("/b", context => { context.Response.Redirect("/a"); return Task.CompletedTask; });

        var result = await Fetcher().FetchAsync(_server.Url("/a"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.TooManyRedirects, result.Error);
        Assert.InRange(_server.Requests.Count, 2, FeedFetcher.MaxRedirects + 1);
    }

    [Fact]
    public async Task TimesOutASlowResponse()
    {
        _server.Map("/slow", async context =>
        {
            await context.Response.WriteAsync("<rss>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });

        var result = await Fetcher(timeout: TimeSpan.FromMilliseconds(300)).FetchAsync(_server.Url("/slow"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.Timeout, result.Error);
    }

    [Fact]
    public async Task StopsTheDownloadOfAnOversizeBodyWithoutContentLength()
    {
        const int Chunks = 1_000;
        var served = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Map("/huge", async context =>
        {
            var chunk = new byte[64 * 1024];
            var sent = 0;
            try
            {
                // Kestrel turns writes to a closed connection into no-ops, so watch for the abort
                // itself, and pace the writes so that it has time to arrive.
                for (; sent < Chunks && !context.RequestAborted.IsCancellationRequested; sent++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(2, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // the client hung up: what we wanted
            }
            finally
            {
                served.TrySetResult(sent);
            }
        });

        var result = await Fetcher(maxBytes: 256 * 1024).FetchAsync(_server.Url("/huge"), null, null, CancellationToken.None);
        var sentChunks = await served.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FetchErrorKind.TooLarge, result.Error);
        Assert.Empty(result.Body);
        Assert.True(sentChunks < Chunks, "the whole 64 MB body was transferred; the download was not stopped");
    }

    [Fact]
    public async Task RefusesAnOversizeBodyAnnouncedByContentLength()
    {
        _server.Map("/big", async context =>
        {
            context.Response.ContentLength = 10_000;
            await context.Response.Body.WriteAsync(new byte[10_000]);
        });

        var result = await Fetcher(maxBytes: 2_000).FetchAsync(_server.Url("/big"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.TooLarge, result.Error);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task ClassifiesHttpErrors(int status)
    {
        _server.Map("/error", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });

        var result = await Fetcher().FetchAsync(_server.Url("/error"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.HttpStatus, result.Error);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/feed")]
    [InlineData("http://localhost:{port}/feed")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/feed")]
    [InlineData("http://[::1]:{port}/feed")]
    public async Task RefusesPrivateAndLoopbackAddressesUnlessAllowed(string template)
    {
        _server.ServeFeed("/feed", () => "<rss/>");
        var url = template.Replace("{port}", _server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = await Fetcher(allowPrivate: false).FetchAsync(url, null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.PrivateAddress, result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RefusesARedirectFromAPublicLookingHopIntoLoopback()
    {
        // The guard sits at connect time, so a redirect cannot smuggle a request inside either;
        // here even the first hop is loopback, which is all a test without the internet can show.
        _server.Map("/redirect", context => { context.Response.Redirect(_server.Url("/feed")); return Task.CompletedTask; });

        var result = await Fetcher(allowPrivate: false).FetchAsync(_server.Url("/redirect"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.PrivateAddress, result.Error);
    }

    [Theory]
    [InlineData("ftp://example.test/feed")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task RejectsUrlsThatAreNotHttp(string url)
    {
        var result = await Fetcher().FetchAsync(url, null, null, CancellationToken.None);

        Assert.Equal(FetchErrorKind.InvalidUrl, result.Error);
    }

    [Fact]
    public async Task ReadsExpiresAsFreshnessAndAHubFromTheLinkHeader()
    {
        _server.Map("/pushed", async context =>
        {
            context.Response.Headers.Expires = DateTimeOffset.UtcNow.AddMinutes(20).ToString("R");
            context.Response.Headers.Link = "<https://hub.test/>; rel=\"hub\", <https://news.test/self.xml>; rel=\"self\"";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel/></rss>");
        });

        var result = await Fetcher().FetchAsync(_server.Url("/pushed"), null, null, CancellationToken.None);

        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20));
        Assert.Equal(new WebSubLinks(new Uri("https://hub.test/"), new Uri("https://news.test/self.xml")), result.Hub);
    }

    [Fact]
    public void BacksOffExponentiallyUpToSixHours()
    {
        var interval = TimeSpan.FromMinutes(5);

        Assert.Equal(TimeSpan.FromMinutes(5), PollSchedule.AfterFailure(interval, 1, null, 0));
        Assert.Equal(TimeSpan.FromMinutes(20), PollSchedule.AfterFailure(interval, 3, null, 0));
        Assert.Equal(TimeSpan.FromHours(6), PollSchedule.AfterFailure(interval, 30, null, 0.9));
        Assert.Equal(TimeSpan.FromHours(1), PollSchedule.AfterFailure(interval, 1, TimeSpan.FromHours(1), 0));
    }

    [Fact]
    public void HonoursCacheControlUpToAnHour()
    {
        var interval = TimeSpan.FromMinutes(5);

        Assert.Equal(interval, PollSchedule.AfterSuccess(interval, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromMinutes(30), PollSchedule.AfterSuccess(interval, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromHours(1), PollSchedule.AfterSuccess(interval, TimeSpan.FromDays(1)));
    }
}
