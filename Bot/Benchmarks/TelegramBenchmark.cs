using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Radar.Bot.Cluster;
using Radar.Bot.Delivery;
using Radar.Bot.Hosting;
using Radar.Feeds.Model;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench telegram [--alerts N] [--chats N] [--latency MS]</c>: the real dispatcher, rate limiter and
/// Telegram.Bot client deliver alerts to many chats through a local fake Bot API that answers 429
/// exactly when Telegram would (more than 1 message per second to a chat, 20 per minute to a group,
/// 30 per second overall), and answers each request after the given round trip.
/// </summary>
public static class TelegramBenchmark
{
    public static async Task RunAsync(TextWriter output, int alerts = 3_000, int chats = 300, int latencyMs = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("radar-bench-");
        await using var fake = await FakeBotApi.StartAsync(TimeSpan.FromMilliseconds(latencyMs));
        var mode = RunMode.Parse(["--once", $"--Radar:Storage:ConnectionString=Data Source={Path.Combine(folder.FullName, "radar.db")}", "--Radar:Telegram:Token=123456:BENCH",
            $"--Radar:Telegram:ApiBaseUrl={fake.Url}", "--Radar:Http:Port=0", $"--Radar:Feeds:Opml={WriteEmptyOpml(folder.FullName)}"]);
        await using var app = RadarHost.Build(mode, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        var dispatcher = app.Services.GetRequiredService<DeliveryDispatcher>(); // made first: it asks for the platform's lease
        var hostedServices = app.Services.GetServices<IHostedService>().Where(s => s is InstanceLockHolder or RadarInitializer or LeaseManager).ToList();
        foreach (var hosted in hostedServices)
        {
            await hosted.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await SeedAsync(app.Services, alerts, chats).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await dispatcher.DispatchAsync(CancellationToken.None).ConfigureAwait(false);
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
            if (await store.CountAsync(DeliveryState.Sent, CancellationToken.None).ConfigureAwait(false) >= alerts || clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                break;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        clock.Stop();
        foreach (var hosted in Enumerable.Reverse(hostedServices))
        {
            await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telegram: {fake.Accepted:N0} of {alerts:N0} alerts to {chats:N0} chats with a {latencyMs} ms round trip in {clock.Elapsed.TotalSeconds:N1} s: {fake.Accepted / clock.Elapsed.TotalSeconds:N1} messages/s, worst per-chat rate {fake.WorstPerChatPerSecond} in one second, most in one second overall {fake.WorstPerSecond}, {fake.TooManyRequests} answers 429"));
    }

    private static string WriteEmptyOpml(string folder)
    {
        var path = Path.Combine(folder, "none.opml");
        File.WriteAllText(path, "<opml version=\"2.0\"><body/></opml>");
        return path;
    }

    private static async Task SeedAsync(IServiceProvider services, int alerts, int chats)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var now = DateTime.UtcNow;
        await provider.GetRequiredService<FeedStore>().SyncAsync([new FeedSource("Bench", "https://bench.test/feed")], now, CancellationToken.None).ConfigureAwait(false);
        var feedId = (await provider.GetRequiredService<FeedStore>().HealthAsync(CancellationToken.None).ConfigureAwait(false))[0].Id;
        var channels = new List<long>();
        for (var i = 0; i < chats; i++)
        {
            var chat = i % 5 == 0 ? -1_000_000 - i : 10_000 + i; // every fifth chat is a group
            channels.Add(await provider.GetRequiredService<ChannelStore>().EnsureAsync("telegram", chat.ToString(CultureInfo.InvariantCulture), "chat", false, now, CancellationToken.None).ConfigureAwait(false));
        }

        var entries = provider.GetRequiredService<EntryStore>();
        var stories = provider.GetRequiredService<StoryStore>();
        var deliveries = provider.GetRequiredService<DeliveryStore>();
        for (var s = 0; s * chats < alerts; s++)
        {
            var entry = await entries.AddIfNewAsync(feedId, new FeedEntry($"s{s}", $"https://bench.test/{s}", $"OpenAI launches GPT-{s + 10}", "A model.", DateTimeOffset.UtcNow, "en"), now, CancellationToken.None).ConfigureAwait(false);
            var story = await stories.CreateFromEntryAsync(entry!, "Bench", now, CancellationToken.None).ConfigureAwait(false);
            await deliveries.EnqueueAsync(story.Id, channels.Take(alerts - (s * chats)).Select(c => (c, "launches")), now, CancellationToken.None).ConfigureAwait(false);
        }

    }

    /// <summary>A minimal Bot API that counts, and refuses what Telegram would.</summary>
    private sealed class FakeBotApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<long, ConcurrentQueue<DateTime>> _byChat = new();
        private readonly ConcurrentQueue<DateTime> _all = new();
        private readonly Lock _gate = new();
        private int _accepted;
        private int _tooMany;

        private readonly TimeSpan _latency;

        private FakeBotApi(WebApplication app, TimeSpan latency)
        {
            _app = app;
            _latency = latency;
        }

        public int WorstPerSecond
        {
            get
            {
                var list = _acceptedAt.OrderBy(t => t).ToList();
                return list.Select((t, i) => list.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty(0).Max();
            }
        }

        private readonly ConcurrentQueue<DateTime> _acceptedAt = new();

        public string Url { get; private set; } = string.Empty;

        public int Accepted => _accepted;

        public int TooManyRequests => _tooMany;

        public int WorstPerChatPerSecond => _byChat.Values.Max(times =>
        {
            var list = times.OrderBy(t => t).ToList();
            return list.Select((t, i) => list.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty(0).Max();
        });

        public static async Task<FakeBotApi> StartAsync(TimeSpan latency)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeBotApi(app, latency);
            app.MapPost("/bot{token}/{method}", fake.HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            fake.Url = app.Urls.First();
            return fake;
        }

        private async Task HandleAsync(HttpContext context, string token, string method)
        {
            var now = DateTime.UtcNow; // as the request arrives, before its body is read
            var body = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject();
            var chat = body?["chat_id"]?.GetValue<long>() ?? 0;
            bool refused;
            lock (_gate)
            {
                var times = _byChat.GetOrAdd(chat, _ => new());
                refused = times.Any(t => now - t < TimeSpan.FromSeconds(1))
                          || (chat < 0 && times.Count(t => now - t < TimeSpan.FromMinutes(1)) >= 20)
                          || _all.Count(t => now - t < TimeSpan.FromSeconds(1)) >= 30;
                if (!refused)
                {
                    times.Enqueue(now);
                    _all.Enqueue(now);
                    while (_all.TryPeek(out var oldest) && now - oldest > TimeSpan.FromSeconds(2))
                    {
                        _all.TryDequeue(out _);
                    }
                }
            }

            if (_latency > TimeSpan.Zero)
            {
                await Task.Delay(_latency).ConfigureAwait(false); // the round trip; the limits were judged on arrival
            }

            if (refused)
            {
                Interlocked.Increment(ref _tooMany);
                context.Response.StatusCode = 429;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error_code"] = 429, ["description"] = "Too Many Requests: retry after 1", ["parameters"] = new JsonObject { ["retry_after"] = 1 } }).ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _accepted);
            _acceptedAt.Enqueue(now);
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["ok"] = true,
                ["result"] = new JsonObject { ["message_id"] = _accepted, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "group" : "private" } },
            }).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
