using System.Collections.Concurrent;
using System.Globalization;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench feeds [--feeds N] [--steady SECONDS] [-- extra bot arguments]</c>: N one-item feeds served
/// on 127.0.0.1 by this process, the real bot started as a child process with the defaults (SQLite,
/// console, no tokens) and an OPML of those feeds, and its resident memory and CPU read from /proc.
/// Prints the time until every feed was fetched once (the first round), the CPU the bot spent per
/// feed in that round, its peak resident memory during the round, and its resident memory after
/// <c>--steady</c> seconds more (the steady state).
/// </summary>
public static class FeedsBenchmark
{
    public static async Task<int> RunAsync(TextWriter output, int feeds, int steadySeconds, IReadOnlyList<string> botArguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(botArguments);
        if (!OperatingSystem.IsLinux())
        {
            await output.WriteLineAsync("bench feeds reads the bot's memory and CPU from /proc: Linux only.").ConfigureAwait(false);
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("radar-bench-feeds-");
        var firstFetch = new ConcurrentDictionary<int, DateTime>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var server = builder.Build();
        var published = DateTimeOffset.UtcNow.AddHours(-2).ToString("r", CultureInfo.InvariantCulture);
        server.MapGet("/f/{id:int}.xml", (int id) =>
        {
            firstFetch.TryAdd(id, DateTime.UtcNow);
            var body = $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {id}</title><link>https://feeds.test/{id}</link><description>bench</description><item><title>Quiet update number {id} from a small blog</title><link>https://feeds.test/{id}/1</link><guid>https://feeds.test/{id}/1</guid><pubDate>{published}</pubDate><description>Nothing to see in post {id}.</description></item></channel></rss>""";
            return Results.Text(body, "application/rss+xml; charset=utf-8");
        });
        await server.StartAsync().ConfigureAwait(false);
        var url = server.Urls.First();
        var opml = Path.Combine(folder.FullName, "feeds.opml");
        await File.WriteAllTextAsync(opml, OpmlReader.Write(Enumerable.Range(0, feeds).Select(i => new FeedSource($"Feed {i}", $"{url}/f/{i}.xml", "en")), "bench")).ConfigureAwait(false);

        using var bot = ChildBot.Start(folder.FullName, [$"--Radar:Feeds:Opml={opml}", "--Radar:Papers:Feeds:0=", .. botArguments]);
        var began = DateTime.UtcNow;
        long peak = 0;
        TimeSpan? startupCpu = null; // what the bot spent before its first fetch: start-up, not polling
        while (firstFetch.Count < feeds && !bot.HasExited && DateTime.UtcNow - began < TimeSpan.FromMinutes(30))
        {
            peak = Math.Max(peak, ChildBot.ResidentBytes(bot.Id));
            startupCpu ??= firstFetch.IsEmpty ? null : ChildBot.CpuTime(bot.Id);
            await Task.Delay(500).ConfigureAwait(false);
        }

        var round = (firstFetch.IsEmpty ? DateTime.UtcNow : firstFetch.Values.Max()) - began;
        await Task.Delay(2_000).ConfigureAwait(false); // the last fetches are stored
        var cpu = ChildBot.CpuTime(bot.Id) - (startupCpu ?? TimeSpan.Zero);
        var steady = new List<long>();
        var steadyUntil = DateTime.UtcNow.AddSeconds(steadySeconds);
        while (DateTime.UtcNow < steadyUntil && !bot.HasExited)
        {
            steady.Add(ChildBot.ResidentBytes(bot.Id));
            await Task.Delay(1_000).ConfigureAwait(false);
        }

        var highWater = ChildBot.HighWaterBytes(bot.Id);
        bot.Kill(entireProcessTree: true);
        await bot.WaitForExitAsync().ConfigureAwait(false);
        await server.StopAsync().ConfigureAwait(false);
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the SQLite file may still be closing: the temp folder is the system's to clean
        }

        static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("N0", CultureInfo.InvariantCulture) + " MB";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feeds: {firstFetch.Count:N0} of {feeds:N0} feeds fetched once in {round.TotalSeconds:N0} s; {(startupCpu is null ? "CPU per feed not measured (the round ended before the first sample);" : $"CPU {cpu.TotalSeconds:N1} s after start-up ({startupCpu.Value.TotalSeconds:N1} s), {cpu.TotalMilliseconds / feeds:N2} ms per feed;")} resident memory peak {Mb(Math.Max(peak, highWater))} during the round (high-water mark {Mb(highWater)}), {Mb(steady.Count == 0 ? 0 : (long)steady.Average())} steady over the next {steadySeconds} s"));
        return firstFetch.Count == feeds ? 0 : 1;
    }
}
