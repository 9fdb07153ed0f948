using System.Diagnostics;
using Radar.Bot.Cluster;
using Radar.Bot.Delivery;
using Radar.Bot.Hosting;
using Radar.Feeds.Model;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// The delivery benches' common run: the real host (dispatcher, rate limiter, platform adapter) on a
/// fresh SQLite file, an outbox of <c>alerts</c> rows over <c>chats</c> chats, dispatched until all
/// are sent (or ten minutes pass). Returns how long it took.
/// </summary>
public static class DeliveryBenchmark
{
    public static async Task<TimeSpan> RunAsync(string platform, IEnumerable<string> settings, Func<int, string> chatId, int alerts, int chats)
    {
        var folder = Directory.CreateTempSubdirectory("radar-bench-");
        try
        {
            var mode = RunMode.Parse(["--once", $"--Radar:Storage:ConnectionString=Data Source={Path.Combine(folder.FullName, "radar.db")}",
                "--Radar:Http:Port=0", $"--Radar:Feeds:Opml={WriteEmptyOpml(folder.FullName)}", .. settings]);
            await using var app = RadarHost.Build(mode, builder => builder.Logging.ClearProviders());
            var dispatcher = app.Services.GetRequiredService<DeliveryDispatcher>(); // made first: it asks for the platform's lease
            var hostedServices = app.Services.GetServices<IHostedService>().Where(s => s is InstanceLockHolder or RadarInitializer or LeaseManager).ToList();
            foreach (var hosted in hostedServices)
            {
                await hosted.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await SeedAsync(app.Services, platform, chatId, alerts, chats).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                await dispatcher.DispatchAsync(CancellationToken.None).ConfigureAwait(false);
                await using var scope = app.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DeliveryStore>().CountAsync(DeliveryState.Sent, CancellationToken.None).ConfigureAwait(false) >= alerts)
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

            return clock.Elapsed;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string WriteEmptyOpml(string folder)
    {
        var path = Path.Combine(folder, "none.opml");
        File.WriteAllText(path, "<opml version=\"2.0\"><body/></opml>");
        return path;
    }

    private static async Task SeedAsync(IServiceProvider services, string platform, Func<int, string> chatId, int alerts, int chats)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var now = DateTime.UtcNow;
        var feeds = provider.GetRequiredService<FeedStore>();
        await feeds.SyncAsync([new FeedSource("Bench", "https://bench.test/feed")], now, CancellationToken.None).ConfigureAwait(false);
        var feedId = (await feeds.HealthAsync(CancellationToken.None).ConfigureAwait(false))[0].Id;
        var channels = new List<long>();
        for (var i = 0; i < chats; i++)
        {
            channels.Add(await provider.GetRequiredService<ChannelStore>().EnsureAsync(platform, chatId(i), "chat", false, now, CancellationToken.None).ConfigureAwait(false));
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
}
