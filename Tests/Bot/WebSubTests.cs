using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Ingest;
using Radar.Bot.WebSub;
using Radar.Feeds.Model;
using Radar.Storage.Entities;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>WebSub end to end: the running bot subscribes at a local hub, is verified, receives signed pushes, renews and unsubscribes.</summary>
public sealed class WebSubTests : IAsyncLifetime
{
    private FeedServer _feeds = null!;
    private FakeWebSubHub _hub = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _hub = await FakeWebSubHub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    private string Feed(params Rss.Item[] items) => Rss.Document(items).Replace(
        "<channel>",
        $"""<channel xmlns:atom="http://www.w3.org/2005/Atom"><atom:link rel="hub" href="{_hub.Url}"/><atom:link rel="self" href="{_feeds.Url("/feed.xml")}"/>""",
        StringComparison.Ordinal);

    [Fact]
    public async Task AFeedWithAHubIsSubscribedVerifiedPushedRenewedAndUnsubscribed()
    {
        var published = DateTimeOffset.UtcNow.AddHours(-1);
        _feeds.ServeFeed("/feed.xml", () => Feed(new Rss.Item("OpenAI launches GPT-6", "https://news.test/gpt6", "a1", published)));
        using var harness = new BotHarness(new FeedSource("Hubbed", _feeds.Url("/feed.xml")));
        var port = Loopback.FreePort();
        harness.Settings["Radar:Http:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Settings["Radar:Http:PublicUrl"] = $"http://127.0.0.1:{port}";
        harness.Settings["Radar:Feeds:PollInterval"] = "00:10:00";
        await using var bot = await RunningBot.StartAsync(harness);
        var services = bot.App.Services;

        // The poll finds the hub; the subscriber asks it; the hub's verification is echoed.
        await services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        await Wait.UntilAsync(() => _hub.Verifications.Any(v => v.Mode == "subscribe" && v.Confirmed));
        var request = _hub.Requests.Single();
        Assert.Equal(_feeds.Url("/feed.xml"), request["hub.topic"]);
        Assert.StartsWith($"http://127.0.0.1:{port}/websub/", request["hub.callback"], StringComparison.Ordinal);
        Assert.True(request["hub.secret"].Length >= 32);
        Assert.Equal("604800", request["hub.lease_seconds"]);
        var callback = request["hub.callback"];

        // Only the request Radar made is confirmed.
        Assert.Equal(404, (await _hub.VerifyAsync(callback, "subscribe", "https://elsewhere.test/feed", "x1")).Status);
        Assert.Equal(404, (await _hub.VerifyAsync(callback, "unsubscribe", request["hub.topic"], "x2")).Status);
        Assert.Equal(404, (await _hub.VerifyAsync(callback[..^4] + "0000", "subscribe", request["hub.topic"], "x3")).Status);

        // The dashboard says so.
        using (var http = new HttpClient())
        {
            Assert.Contains("pushed by 127.0.0.1 until", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/feeds")), StringComparison.Ordinal);
        }

        // While pushed, the feed is polled only at the long safety interval.
        await PollAgainAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.OpenDatabase();
            var feed = await db.Feeds.SingleAsync();
            Assert.True(feed.NextPollAt > DateTime.UtcNow.AddMinutes(50), $"next poll at {feed.NextPollAt:O}");
        }

        // A forged push is acknowledged and ignored; a signed one reaches the chat.
        var pushed = Feed(new Rss.Item("Mistral releases Mistral Large 3 as open weights", "https://news.test/ml3", "a2", DateTimeOffset.UtcNow));
        Assert.All(await _hub.PublishAsync(request["hub.topic"], pushed, forgeSignature: true), status => Assert.InRange(status, 200, 299));
        await Task.Delay(500);
        Assert.DoesNotContain(bot.Output.ToString().AlertTitles(), t => t.Contains("Mistral Large 3", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        Assert.All(await _hub.PublishAsync(request["hub.topic"], pushed), status => Assert.InRange(status, 200, 299));
        await Wait.UntilAsync(() => bot.Output.ToString().AlertTitles().Any(t => t.Contains("Mistral Large 3", StringComparison.Ordinal)), seconds: 10);
        Console.WriteLine($"pushed story alerted {clock.Elapsed.TotalSeconds:N2} s after the push");

        // Renewal: when the lease nears its end, the subscriber asks again.
        await SetAsync(services, w => w.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1));
        await services.GetRequiredService<WebSubSubscriber>().RoundAsync(CancellationToken.None);
        await Wait.UntilAsync(() => _hub.Verifications.Count(v => v.Mode == "subscribe" && v.Confirmed) == 2);
        Assert.Equal(2, _hub.Requests.Count(r => r["hub.mode"] == "subscribe"));

        // Removing the feed unsubscribes; the hub's verification deletes the subscription.
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.OpenDatabase();
            await db.Feeds.ExecuteUpdateAsync(f => f.SetProperty(x => x.Enabled, false));
        }

        await services.GetRequiredService<WebSubSubscriber>().RoundAsync(CancellationToken.None);
        await Wait.UntilAsync(() => _hub.Verifications.Any(v => v.Mode == "unsubscribe" && v.Confirmed));
        Assert.Empty(_hub.Active);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.OpenDatabase();
            Assert.Empty(await db.WebSubSubscriptions.ToListAsync());
        }
    }

    [Fact]
    public async Task WithoutAPublicUrlNoHubIsAsked()
    {
        _feeds.ServeFeed("/feed.xml", () => Feed(new Rss.Item("OpenAI launches GPT-6", "https://news.test/gpt6", "a1", DateTimeOffset.UtcNow)));
        using var harness = new BotHarness(new FeedSource("Hubbed", _feeds.Url("/feed.xml")));

        await harness.RunOnceAsync();
        await Task.Delay(300);

        Assert.Empty(_hub.Requests);
    }

    private static async Task PollAgainAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.OpenDatabase();
            await db.Feeds.ExecuteUpdateAsync(f => f.SetProperty(x => x.NextPollAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        await services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: true, CancellationToken.None);
    }

    private static async Task SetAsync(IServiceProvider services, Action<WebSubSubscriptionRecord> change)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.OpenDatabase();
        change(await db.WebSubSubscriptions.SingleAsync());
        await db.SaveChangesAsync();
    }
}
