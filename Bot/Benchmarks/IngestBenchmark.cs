using System.Diagnostics;
using System.Globalization;
using Radar.Feeds.Parsing;
using Radar.Feeds.Text;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// Fetch-free ingest (lenient parse + normalise + dedup keys) over the real-world corpus, beside
/// CodeHollow.FeedReader's raw parse of the same bytes in the same run.
/// </summary>
public static class IngestBenchmark
{
    private const int Rounds = 20;

    public static string? FindCorpus()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "corpus", "realworld");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static void Run(string corpus, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var manifest = Path.Combine(corpus, "MANIFEST.tsv");
        var files = File.ReadLines(manifest).Skip(1).Select(l => l.Split('\t')).Select(c => File.ReadAllBytes(Path.Combine(corpus, c[0], c[1]))).ToList();
        var now = DateTimeOffset.UtcNow;

        // Warm up both paths (JIT, caches), then measure them alternately.
        var items = Ours(files, now);
        var rawItems = Raw(files);
        TimeSpan ours = TimeSpan.Zero, raw = TimeSpan.Zero;
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            Raw(files);
            raw += clock.Elapsed;
            clock.Restart();
            Ours(files, now);
            ours += clock.Elapsed;
        }

        var ourRate = items * Rounds / ours.TotalSeconds;
        var rawRate = rawItems * Rounds / raw.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {files.Count} files, {Rounds} rounds"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CodeHollow.FeedReader raw parse: {rawItems} items/round, {rawRate:N0} items/s, {raw.TotalMilliseconds / Rounds:N1} ms/round"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Radar ingest (lenient parse + normalise + dedup keys): {items} items/round, {ourRate:N0} items/s, {ours.TotalMilliseconds / Rounds:N1} ms/round"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time ratio (Radar / raw, per round): {ours / raw:N2}x"));
    }

    private static int Ours(List<byte[]> files, DateTimeOffset now)
    {
        var items = 0;
        foreach (var bytes in files)
        {
            foreach (var entry in FeedParser.Parse(bytes, now).Entries)
            {
                _ = TitleKey.Normalize(entry.Title);
                items++;
            }
        }

        return items;
    }

    private static int Raw(List<byte[]> files)
    {
        var items = 0;
        foreach (var bytes in files)
        {
            try
            {
                items += FeedParser.ParseRaw(bytes);
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException or NullReferenceException or ArgumentException or FormatException)
            {
                // Four real-world files are fatal for the raw parser; they cost it their parse time only.
            }
        }

        return items;
    }
}
