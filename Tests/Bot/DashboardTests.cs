using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Dashboard;
using Radar.Bot.Ingest;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>The read-only dashboard from a running Radar, read in a real headless Chromium and over HTTP.</summary>
[Trait("Category", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class DashboardTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert(1)</script> OpenAI launches GPT-8";
    private FeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        var (title, body) = SeedStory.Read();
        _feeds.Map("/feed.xml", context => context.Response.WriteAsync(Rss.Document(
            new Rss.Item(Hostile, "https://news.test/gpt8", "h1", DateTimeOffset.UtcNow.AddMinutes(-30), "OpenAI released GPT-8."),
            new Rss.Item(title, "https://ar.news.test/meta", "s1", DateTimeOffset.UtcNow.AddMinutes(-20), body))));
    }

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    private static string Address(RunningBot bot) => bot.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private async Task<RunningBot> StartAsync(BotHarness harness)
    {
        harness.SetFeeds(new FeedSource("News", _feeds.Url("/feed.xml")));
        harness.Settings["Radar:Feeds:PollInterval"] = "1.00:00:00";
        var bot = await RunningBot.StartAsync(harness);
        await bot.App.Services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        return bot;
    }

    [Fact]
    public async Task ThePagesRenderInABrowserWithFeedTextShownAsText()
    {
        using var harness = new BotHarness();
        await using var bot = await StartAsync(harness);
        var address = Address(bot);
        await StoreRawTitleAsync(bot.App.Services); // the parser strips tags from titles; the page must encode whatever it is given

        var index = await Chromium.DumpDomAsync(address + "/");
        var meta = await Chromium.DumpDomAsync(address + "/orgs/" + Uri.EscapeDataString("ميتا"));
        var lample = await Chromium.DumpDomAsync(address + "/people/" + Uri.EscapeDataString("غيوم لامبل"));
        var llama = await Chromium.DumpDomAsync(address + "/models/LLaMA-65B");
        var screenshot = Path.Combine(Path.GetTempPath(), $"radar-dashboard-{Guid.NewGuid():N}.png");
        await Chromium.ScreenshotAsync(address + "/orgs/Meta", screenshot);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Raw title", index, StringComparison.Ordinal); // shown as text
        Assert.Contains("OpenAI launches GPT-8", index, StringComparison.Ordinal); // the feed's hostile title, its tags stripped at parsing
        Assert.DoesNotContain("<script>", index, StringComparison.Ordinal); // and never a script element
        Assert.Contains("dir=\"auto\"", index, StringComparison.Ordinal);
        Assert.Contains("Guillaume Lample", index, StringComparison.Ordinal);
        Assert.Contains("/charts/flows.png?org=Meta", meta, StringComparison.Ordinal);
        Assert.Contains("Mistral AI", meta, StringComparison.Ordinal);
        Assert.Contains("<h2 dir=\"auto\">Guillaume Lample</h2>", lample, StringComparison.Ordinal);
        Assert.Contains("Data: Epoch AI (epoch.ai)", llama, StringComparison.Ordinal);
        Assert.Contains("Timothée Lacroix", llama, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, $"a {png.Length}-byte screenshot");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        File.Delete(screenshot);
    }

    private static async Task StoreRawTitleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var feedId = (await provider.GetRequiredService<Radar.Storage.Stores.FeedStore>().HealthAsync(CancellationToken.None))[0].Id;
        var entry = await provider.GetRequiredService<Radar.Storage.Stores.EntryStore>().AddIfNewAsync(feedId, new FeedEntry("raw", "https://news.test/raw", "<script>alert(1)</script> Raw title", "\"><img src=x>", DateTimeOffset.UtcNow, "en"), DateTime.UtcNow, CancellationToken.None);
        await provider.GetRequiredService<Radar.Storage.Stores.StoryStore>().CreateFromEntryAsync(entry!, "<b>Feed</b>", DateTime.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task HeadersChartsFiltersAndUnknownNamesBehave()
    {
        using var harness = new BotHarness();
        await using var bot = await StartAsync(harness);
        using var http = new HttpClient { BaseAddress = new Uri(Address(bot)) };

        using var index = await http.GetAsync(new Uri("/?topic=talent&org=" + Uri.EscapeDataString("ميتا"), UriKind.Relative));
        var filtered = await index.Content.ReadAsStringAsync();
        using var unknown = await http.GetAsync(new Uri("/orgs/Metta", UriKind.Relative));
        using var chart = await http.GetAsync(new Uri("/charts/flows.png?org=Meta&lang=ar", UriKind.Relative));
        using var noChart = await http.GetAsync(new Uri("/charts/flows.png?org=Nowhere%20Corp", UriKind.Relative));
        using var teamChart = await http.GetAsync(new Uri("/charts/team.png?model=LLaMA-65B", UriKind.Relative));
        using var feeds = await http.GetAsync(new Uri("/feeds", UriKind.Relative));

        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, index.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Guillaume Lample", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("GPT-8", filtered, StringComparison.Ordinal); // a launch story, filtered out
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Did you mean", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("image/png", chart.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, noChart.StatusCode);
        Assert.Equal("image/png", teamChart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("News", await feeds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenIsRequiredWhenSetAndOffLoopbackTheDashboardNeedsOne()
    {
        using var guarded = new BotHarness();
        guarded.Settings["Radar:Http:DashboardToken"] = "s3cret-dashboard";
        await using (var bot = await StartAsync(guarded))
        {
            using var handler = new HttpClientHandler { UseCookies = true };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(Address(bot)) };
            using var refused = await http.GetAsync(new Uri("/", UriKind.Relative));
            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var first = await http.GetAsync(new Uri("/?token=s3cret-dashboard", UriKind.Relative));
            using var withCookie = await http.GetAsync(new Uri("/feeds", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        }

        using var open = new BotHarness();
        open.Settings["Radar:Http:Address"] = "0.0.0.0";
        await using (var bot = await StartAsync(open))
        {
            var port = new Uri(Address(bot).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode); // not served without a token off loopback
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }
}
