using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Parsing;
using Radar.Feeds.Text;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// Extraction speed on one thread over at least 10,000 items (the real-world corpus's entries and
/// the labelled dev items, repeated; then the real journalism of real-dev.jsonl, repeated), and the
/// alias matcher's cost as the knowledge base grows.
/// </summary>
public static class ExtractBenchmark
{
    private const int MinimumItems = 10_000;

    private const int MeasuredRounds = 5;

    public static void Run(string shared, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var texts = LoadTexts(shared);
        var items = Enumerable.Range(0, (MinimumItems / texts.Count) + 1).SelectMany(_ => texts).Take(Math.Max(MinimumItems, texts.Count)).ToList();
        var knowledgeBase = SeedKnowledge.Load();
        var extractor = new EventExtractor(knowledgeBase);
        var analyser = new StoryAnalyser(knowledgeBase);

        // The JIT's tiered compilation keeps improving the code for several seconds: a long-running bot
        // runs the steady state, so each stage is measured over rounds of all the items and the best
        // round is reported beside the first (which includes compilation).
        var topics = extractor.Extract(items[0].Title, items[0].Summary).Topics.Count;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var extract = Rounds(items, (title, summary) => topics += extractor.Extract(title, summary).Topics.Count);
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / MeasuredRounds;
        output.WriteLine(Invariant($"extract: {items.Count} items ({texts.Count} distinct) on one thread, best of {MeasuredRounds} rounds: {extract.Best:N0} items/s (first round {extract.First:N0}), {allocated / items.Count:N0} bytes allocated per item, {topics / MeasuredRounds} topics found"));

        // Real journalism: long first sentences, a third in Arabic, names in Arabic letters matched across scripts.
        var real = LoadLabelled(Path.Combine(shared, "eval", "real-dev.jsonl"));
        var realItems = Enumerable.Range(0, (MinimumItems / real.Count) + 1).SelectMany(_ => real).Take(MinimumItems).ToList();
        var journalism = Rounds(realItems, (title, summary) => extractor.Extract(title, summary));
        output.WriteLine(Invariant($"extract (real journalism): {realItems.Count} items ({real.Count} distinct, real-dev.jsonl) on one thread, best of {MeasuredRounds} rounds: {journalism.Best:N0} items/s (first round {journalism.First:N0})"));

        // The whole analysis stage, as the live pipeline runs it: extraction, headline, summary, signature.
        var analyse = Rounds(items, (title, summary) => analyser.Analyse(new AnalysisInput(title, summary)));
        output.WriteLine(Invariant($"analyse: best of {MeasuredRounds} rounds {analyse.Best:N0} items/s (extraction + headline + summary + cluster signature)"));

        output.WriteLine("alias matcher (FindMentions only), cost per item as the knowledge base grows:");
        var tokens = items.Take(2_000).Select(i => MatchText.Tokenize(i.Title + " " + i.Summary)).ToList();
        foreach (var size in new[] { 1_000, 10_000, 50_000 })
        {
            var knowledge = Synthetic(size);
            foreach (var t in tokens.Take(200))
            {
                knowledge.FindMentions(t);
            }

            var timer = Stopwatch.StartNew();
            for (var round = 0; round < 5; round++)
            {
                foreach (var t in tokens)
                {
                    knowledge.FindMentions(t);
                }
            }

            timer.Stop();
            output.WriteLine(Invariant($"  {knowledge.AliasCount,6:N0} aliases: {timer.Elapsed.TotalMicroseconds / (5 * tokens.Count):N1} µs per item"));
        }
    }

    /// <summary>Items per second in the first and the best of <see cref="MeasuredRounds"/> rounds over all the items.</summary>
    private static (double First, double Best) Rounds(List<(string Title, string Summary)> items, Action<string, string> work)
    {
        var rates = new List<double>();
        for (var round = 0; round < MeasuredRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (title, summary) in items)
            {
                work(title, summary);
            }

            rates.Add(items.Count / clock.Elapsed.TotalSeconds);
        }

        return (rates[0], rates.Max());
    }

    private static List<(string Title, string Summary)> LoadTexts(string shared)
    {
        var texts = new List<(string, string)>();
        var corpus = Path.Combine(shared, "corpus", "realworld");
        foreach (var columns in File.ReadLines(Path.Combine(corpus, "MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t')))
        {
            var feed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(corpus, columns[0], columns[1])), DateTimeOffset.UnixEpoch);
            texts.AddRange(feed.Entries.Select(e => (e.Title, e.Summary.Length > 600 ? e.Summary[..600] : e.Summary)));
        }

        texts.AddRange(LoadLabelled(Path.Combine(shared, "eval", "dev.jsonl")));
        return texts;
    }

    private static List<(string Title, string Summary)> LoadLabelled(string path)
    {
        var texts = new List<(string, string)>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var item = JsonDocument.Parse(line);
            texts.Add((item.RootElement.GetProperty("title").GetString()!, item.RootElement.GetProperty("summary").GetString()!));
        }

        return texts;
    }

    /// <summary>The seed knowledge plus made-up people until the matcher holds about <paramref name="aliases"/> spellings.</summary>
    private static KnowledgeBase Synthetic(int aliases)
    {
        var (entities, families) = SeedKnowledge.ReadEntities();
        var random = new Random(42);
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        string Word() => char.ToUpperInvariant(Letters[random.Next(26)]) + new string([.. Enumerable.Range(0, random.Next(4, 9)).Select(_ => Letters[random.Next(26)])]);
        var seedAliases = new KnowledgeBase(entities, families).AliasCount;
        for (var i = 0; seedAliases + (2 * i) < aliases; i++)
        {
            entities.Add(new KnownEntity { Id = "person:synthetic-" + i, Kind = EntityKind.Person, Name = Word() + " " + Word(), Aliases = [Word() + " " + Word()] });
        }

        return new KnowledgeBase(entities, families);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
