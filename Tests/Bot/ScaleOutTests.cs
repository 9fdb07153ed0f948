using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Hosting;
using Radar.Bot.Ingest;
using Radar.Storage.Entities;
using Radar.Storage.Stores;
using Radar.Tests.Fakes;
using Radar.Tests.Support;
using Xunit.Abstractions;

namespace Radar.Tests.Bot;

/// <summary>
/// Several real bot processes on one real PostgreSQL database, against the fake Telegram Bot API
/// (which answers 429 and 409 as Telegram does) and a real feed server: the work is shared, nothing
/// is done twice, and the death of an instance (SIGKILL) loses nothing.
/// </summary>
[Trait("Category", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _folder = new();
    private readonly List<(BotProcess Process, int Port)> _instances = [];
    private FeedServer _feeds = null!;
    private FakeTelegram _telegram = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _telegram = await FakeTelegram.StartAsync();
        _telegram.EnforceLimits = true;
        _database = await PostgresServer.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var (process, _) in _instances)
        {
            process.Dispose();
        }

        await _telegram.DisposeAsync();
        await _feeds.DisposeAsync();
        _folder.Dispose();
    }

    private BotProcess Start(string name, params string[] extra)
    {
        var port = Loopback.FreePort();
        var folder = Directory.CreateDirectory(_folder.Combine(name)).FullName;
        var process = BotProcess.Start(
            folder,
            [
                "--Radar:Storage:Provider=Postgres", $"--Radar:Storage:ConnectionString={_database}", $"--Radar:Http:Port={port}", $"--Radar:InstanceId={name}",
                $"--Radar:Telegram:Token={FakeTelegram.Token}", $"--Radar:Telegram:ApiBaseUrl={_telegram.BaseUrl}", "--Radar:Telegram:PollTimeout=00:00:01",
                "--Radar:Feeds:AllowPrivateAddresses=true", "--Radar:Feeds:PollInterval=00:00:10", .. extra,
            ]);
        _instances.Add((process, port));
        return process;
    }

    /// <summary>The settings that make these feeds, and only these, the instances' sources.</summary>
    private string[] Feeds(params Radar.Feeds.Model.FeedSource[] sources)
    {
        var opml = _folder.Combine("feeds.opml");
        File.WriteAllText(opml, Radar.Feeds.Parsing.OpmlReader.Write(sources, "test"));
        return [$"--Radar:Feeds:Opml={opml}"];
    }

    private static async Task<JsonObject?> HealthAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return JsonNode.Parse(await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz")))?.AsObject();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<string>> LeasesAsync(int port) =>
        (await HealthAsync(port))?["leases"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];

    private Task WaitUntilAsync(Func<Task<bool>> condition, string what) => WaitUntilAsync(condition, () => what);

    private async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting: {what()}\n{string.Join("\n---\n", _instances.Select(i => i.Process.Error))}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task KillingAnInstanceMidBurstLosesNoAlertAndSendsAtMostOneTwice()
    {
        var stories = new List<Rss.Item>();
        _feeds.ServeFeed("/feed.xml", () => Rss.Document([.. stories]), etag: "content");
        // One send at a time: then only the one message in flight at the instant of death can arrive
        // twice. (With sends overlapping, as by default, it is every message in flight: up to MaxInFlight.)
        string[] feed = [.. Feeds(new Radar.Feeds.Model.FeedSource("Local", _feeds.Url("/feed.xml"))), "--Radar:Delivery:MaxInFlight=1"];
        Start("instance-a", feed);
        Start("instance-b", feed);
        Start("instance-c", feed);
        await WaitUntilAsync(async () => (await Task.WhenAll(_instances.Select(i => HealthAsync(i.Port)))).All(h => h is not null), "three instances up");

        // A hundred private chats subscribe, at a human pace; each is answered once, by whichever instance polls.
        var chats = Enumerable.Range(0, 100).Select(i => 5_000L + i).ToList();
        foreach (var chat in chats)
        {
            _telegram.Say(chat, chat, "/subscribe topic:all");
            await Task.Delay(40);
        }

        await WaitUntilAsync(() => Task.FromResult(chats.All(c => _telegram.TextsTo(c).Any(t => t.Contains("Subscribed", StringComparison.Ordinal)))), "every chat subscribed");

        // The burst: five launches at once, 500 alerts at Telegram's pace (about 18 s).
        var now = DateTimeOffset.UtcNow;
        stories.AddRange(Enumerable.Range(1, 5).Select(i => new Rss.Item($"OpenAI launches GPT-{40 + i}", $"https://news.test/gpt-{40 + i}", $"gpt-{40 + i}", now.AddMinutes(-i))));
        var titles = stories.Select(s => s.Title).ToList();
        int Alerts() => _telegram.Accepted.Count(b => chats.Contains(b["chat_id"]!.GetValue<long>()) && titles.Exists(t => b["text"]!.GetValue<string>().Contains(t, StringComparison.Ordinal)));
        await WaitUntilAsync(() => Task.FromResult(Alerts() >= 100), "the burst under way");

        var holder = await Task.WhenAll(_instances.Select(async i => (i, Leases: await LeasesAsync(i.Port))));
        var dispatcher = Assert.Single(holder, h => h.Leases.Contains("deliver:telegram")).i;
        dispatcher.Process.KillHard();
        var killedAt = DateTime.UtcNow;
        var atKill = Alerts();
        var survivors = _instances.Where(i => i != dispatcher).ToList();
        await WaitUntilAsync(() => Task.FromResult(Alerts() > atKill + 1), "delivery resumed after the kill");
        var resumedAfter = DateTime.UtcNow - killedAt;

        await WaitUntilAsync(() => Task.FromResult(Alerts() >= chats.Count * titles.Count), "every alert delivered after the kill");
        var doneAfter = DateTime.UtcNow - killedAt;
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything that would arrive twice has arrived by now

        var delivered = _telegram.Accepted.Where(b => chats.Contains(b["chat_id"]!.GetValue<long>()))
            .Select(b => (Chat: b["chat_id"]!.GetValue<long>(), Title: titles.Find(t => b["text"]!.GetValue<string>().Contains(t, StringComparison.Ordinal))))
            .Where(x => x.Title is not null).ToList();
        Assert.Equal(chats.Count * titles.Count, delivered.Distinct().Count());
        Assert.InRange(delivered.Count - delivered.Distinct().Count(), 0, 1); // at most the send in flight at the instant of death
        Assert.True(_telegram.TooManyRequests == 0, string.Join("\n", _telegram.Refusals));
        output.WriteLine($"failover: {atKill} of {chats.Count * titles.Count} alerts sent when the dispatching instance was killed; delivery resumed after {resumedAfter.TotalSeconds:N1} s, all delivered {doneAfter.TotalSeconds:N1} s after the kill; {delivered.Count - delivered.Distinct().Count()} sent twice; {_telegram.TooManyRequests} answers 429");

        // The survivors answer new updates, each once, whoever polled before.
        var asks = chats.Take(5).ToList();
        foreach (var chat in asks)
        {
            _telegram.Say(chat, chat, "/subscriptions");
        }

        static bool Listing(string text) => text.Contains("1 subscriptions", StringComparison.Ordinal);
        await WaitUntilAsync(() => Task.FromResult(asks.All(c => _telegram.TextsTo(c).Any(Listing))), "the survivors answer new updates");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(chats, c => Assert.Single(_telegram.TextsTo(c), t => t.Contains("Subscribed", StringComparison.Ordinal)));
        Assert.All(asks, c => Assert.Single(_telegram.TextsTo(c), Listing));
        var leases = (await Task.WhenAll(survivors.Select(s => LeasesAsync(s.Port)))).SelectMany(l => l).ToList();
        Assert.Single(leases, l => l == "deliver:telegram");
        Assert.Single(leases, l => l == "telegram:polling");
    }

    [Fact]
    public async Task TwoInstancesShareAThousandFeedsAndFetchEachOncePerInterval()
    {
        const int Count = 1_000;
        var interval = TimeSpan.FromSeconds(10);
        var sources = Enumerable.Range(0, Count).Select(i => new Radar.Feeds.Model.FeedSource($"f{i}", _feeds.Url($"/f/{i}.xml"))).ToArray();
        foreach (var i in Enumerable.Range(0, Count))
        {
            _feeds.ServeFeed($"/f/{i}.xml", () => Rss.Document(new Rss.Item($"Item of feed {i}", $"https://news.test/f/{i}", $"f{i}", DateTimeOffset.UtcNow.AddDays(-3))));
        }

        string[] settings = [.. Feeds(sources), "--Radar:Feeds:MaxConcurrency=32", "--Radar:Feeds:MaxConcurrencyPerHost=32"];
        var a = Start("instance-a", settings);
        var b = Start("instance-b", settings);
        int Fetches(string path) => _feeds.Arrivals.Count(r => r.Path == path);
        var started = DateTime.UtcNow;
        await WaitUntilAsync(() => Task.FromResult(sources.All(s => Fetches(new Uri(s.Url).AbsolutePath) >= 3)), "every feed fetched three times");
        var elapsed = DateTime.UtcNow - started;
        a.Terminate();
        b.Terminate();
        await Task.WhenAll(a.WaitForExitAsync(Patience), b.WaitForExitAsync(Patience));

        // Never twice within an interval: consecutive fetches of a feed are an interval apart (less 100 ms for clocks).
        var gaps = _feeds.Arrivals.GroupBy(r => r.Path).SelectMany(g => g.Select(r => r.At).Order().Zip(g.Select(r => r.At).Order().Skip(1), (x, y) => y - x)).ToList();
        Assert.True(gaps.TrueForAll(g => g >= interval - TimeSpan.FromMilliseconds(100)), $"shortest gap {gaps.Min()}");

        // And shared: each instance fetched a good part of them (its log says "Feed fN: ..." per fetch).
        int Logged(BotProcess process) => process.Error.Split('\n').Count(l => l.Contains("Feed f", StringComparison.Ordinal) && (l.Contains("not modified", StringComparison.Ordinal) || l.Contains(" entries, ", StringComparison.Ordinal)));
        var (byA, byB) = (Logged(a), Logged(b));
        Assert.True(byA > Count / 10 && byB > Count / 10, $"instance-a fetched {byA}, instance-b {byB} in {elapsed}");
        output.WriteLine($"feeds: {Count} feeds every {interval.TotalSeconds:N0} s on two instances: {_feeds.Arrivals.Count} fetches in {elapsed.TotalSeconds:N0} s (instance-a {byA}, instance-b {byB}); shortest gap between two fetches of one feed {gaps.Min().TotalSeconds:N2} s");
    }

    [Fact]
    public async Task ASubscriptionMadeOnOneInstanceMatchesOnTheOthers()
    {
        using var a = new BotHarness();
        using var b = new BotHarness();
        var mode = RunMode.Parse([]);
        var apps = new List<WebApplication>();
        foreach (var (harness, name) in new[] { (a, "in-process-a"), (b, "in-process-b") })
        {
            harness.Settings["Radar:Storage:Provider"] = "Postgres";
            harness.Settings["Radar:Storage:ConnectionString"] = _database;
            harness.Settings["Radar:InstanceId"] = name;
            harness.Settings["Radar:Feeds:PollInterval"] = "1.00:00:00";
            apps.Add(harness.Build(mode, new StringWriter()));
        }

        using var stop = new CancellationTokenSource();
        var running = apps.Select(app => RadarHost.RunAsync(app, mode, stop.Token)).ToList();
        await Wait.UntilAsync(() => apps.TrueForAll(app => app.Lifetime.ApplicationStarted.IsCancellationRequested) || running.Exists(r => r.IsCompleted));
        var onA = apps[0].Services.GetRequiredService<SubscriptionIndexProvider>();
        var before = (await onA.GetAsync(CancellationToken.None)).Count;

        // What /subscribe does, on instance b.
        await using (var scope = apps[1].Services.CreateAsyncScope())
        {
            var now = DateTime.UtcNow;
            var channel = await scope.ServiceProvider.GetRequiredService<ChannelStore>().EnsureAsync("telegram", "-4242", "A group", subscribeToEverything: false, now, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().AddAsync(new SubscriptionRecord { ChannelId = channel, Topic = SubscriptionTopic.Talent, CreatedAt = now }, CancellationToken.None);
        }

        await apps[1].Services.GetRequiredService<SubscriptionIndexProvider>().ChangedAsync(CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await onA.GetAsync(CancellationToken.None)).Count == before)
        {
            Assert.True(clock.Elapsed < Patience, "instance a never saw the subscription made on b");
            await Task.Delay(20);
        }

        output.WriteLine($"subscriptions: a subscription made on one instance matched on the other after {clock.Elapsed.TotalSeconds:N2} s");
        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(running), code => Assert.Equal(ExitCodes.Ok, code));
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
    }
}
