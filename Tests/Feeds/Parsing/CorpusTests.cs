using System.Diagnostics;
using Radar.Feeds.Parsing;
using Radar.Tests.Support;
using Xunit.Abstractions;

namespace Radar.Tests.Feeds.Parsing;

/// <summary>Every file of the shared corpus yields entries or a classified error, fast, and ingest beats node-feedparser's counts.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static IEnumerable<string> RealWorldFiles() =>
        File.ReadLines(SharedFolder.Combine("corpus", "realworld", "MANIFEST.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Select(columns => SharedFolder.Combine("corpus", "realworld", columns[0], columns[1]));

    /// <summary>Every entry of the 60 real-world feeds, parsed as Radar parses them.</summary>
    public static IEnumerable<Radar.Feeds.Model.FeedEntry> RealWorldEntries() =>
        RealWorldFiles().SelectMany(file => FeedParser.Parse(File.ReadAllBytes(file), Now).Entries);

    public static IEnumerable<string> FeedparserFiles() =>
        File.ReadLines(SharedFolder.Combine("corpus", "feedparser", "SOURCES.tsv")).Skip(1)
            .Select(line => SharedFolder.Combine("corpus", "feedparser", line.Split('\t')[0]));

    [Fact]
    public void RealWorldFeedsParseAtLeastAsWellAsNodeFeedparser() =>
        AssertCorpus("realworld", RealWorldFiles().ToList(), minimumParsed: 58, minimumWithEntries: 56, expectedFiles: 60);

    [Fact]
    public void FeedparserSuiteParsesAtLeastAsWellAsNodeFeedparser() =>
        AssertCorpus("feedparser", FeedparserFiles().ToList(), minimumParsed: 555, minimumWithEntries: 212, expectedFiles: 599);

    private void AssertCorpus(string name, List<string> files, int minimumParsed, int minimumWithEntries, int expectedFiles)
    {
        Assert.Equal(expectedFiles, files.Count);
        int parsed = 0, withEntries = 0;
        var slow = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            var result = FeedParser.Parse(bytes, Now); // must not throw, whatever the file holds
            clock.Stop();
            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                slow.Add($"{file}: {clock.Elapsed}");
            }

            if (result.Succeeded)
            {
                parsed++;
                withEntries += result.Entries.Count > 0 ? 1 : 0;
            }
            else
            {
                output.WriteLine($"{Path.GetRelativePath(SharedFolder.Path, file)}: {result.Error}");
            }
        }

        output.WriteLine($"{name}: {files.Count} files, {parsed} parsed without a fatal error, {withEntries} with entries " +
                         $"(node-feedparser: {minimumParsed} and {minimumWithEntries})");
        Assert.Empty(slow);
        Assert.True(parsed >= minimumParsed, $"{name}: {parsed} parsed, fewer than {minimumParsed}");
        Assert.True(withEntries >= minimumWithEntries, $"{name}: {withEntries} with entries, fewer than {minimumWithEntries}");
    }
}
