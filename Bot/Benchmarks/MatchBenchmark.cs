using System.Diagnostics;
using System.Globalization;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Text;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// 100,000 subscriptions (10% of them with a pattern or an exclusion pattern) × 1,000 stories through
/// the subscription index: time per story; then a catastrophic pattern against a plain one on a long title.
/// </summary>
public static class MatchBenchmark
{
    private static readonly string[] PatternSources = [@"\bopen[- ]weights?\b", @"\bagents?\b", "(a+)+$", @"gpt-?\d", @"\b(robot|robotics)\b", "^.*safety.*$", @"\bllama ?\d"];

    public static void Run(TextWriter output, int subscriptions = 100_000, int stories = 1_000)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(7);
        var knowledge = SeedKnowledge.Load();
        var entities = knowledge.Entities.Select(e => e.Id).Concat(Enumerable.Range(0, 5_000).Select(i => $"org:synthetic-{i}")).ToArray();
        var words = new[] { "agents", "robotics", "open weights", "reasoning", "safety", "chips", "benchmark", "funding", "llama", "gemini", "alignment", "startup" };
        Topic?[] topics = [Topic.Talent, Topic.Launches, null];
        var patterns = PatternSources.Select(p => TextPattern.TryCreate(p, out _)!).ToArray();

        // Most people follow an organisation, a person or a model; some a keyword; a few a whole topic.
        var filters = new List<SubscriptionFilter>(subscriptions);
        for (var i = 0; i < subscriptions; i++)
        {
            var roll = random.NextDouble();
            var topic = topics[random.Next(3)];
            filters.Add(roll switch
            {
                < 0.02 => new SubscriptionFilter(i, i, topic),
                < 0.80 => new SubscriptionFilter(i, i, topic, OrgId: entities[random.Next(entities.Length)]),
                < 0.90 => new SubscriptionFilter(i, i, topic, PersonId: entities[random.Next(entities.Length)], Keyword: random.Next(4) == 0 ? words[random.Next(words.Length)] : null),
                _ => new SubscriptionFilter(i, i, topic, Keyword: words[random.Next(words.Length)]),
            });
            if (random.Next(10) == 0)
            {
                filters[^1] = random.Next(2) == 0
                    ? filters[^1] with { Pattern = patterns[random.Next(patterns.Length)] }
                    : filters[^1] with { ExcludePattern = patterns[random.Next(patterns.Length)] };
            }
        }

        var build = Stopwatch.StartNew();
        var index = new SubscriptionIndex(filters);
        build.Stop();

        var facts = Enumerable.Range(0, stories).Select(_ =>
        {
            var text = string.Join(' ', Enumerable.Range(0, 40).Select(_ => random.Next(5) == 0 ? words[random.Next(words.Length)] : "word" + random.Next(1000)));
            return new StoryFacts(
                new HashSet<Topic>(random.Next(3) switch { 0 => [Topic.Talent], 1 => [Topic.Launches], _ => [Topic.Talent, Topic.Launches] }),
                Enumerable.Range(0, random.Next(1, 6)).Select(_ => entities[random.Next(entities.Length)]).ToHashSet(StringComparer.Ordinal),
                MatchText.Tokenize(text),
                "en",
                text);
        }).ToList();

        foreach (var story in facts.Take(100))
        {
            index.Match(story); // warm-up
        }

        var times = new List<double>(stories);
        var matched = 0L;
        foreach (var story in facts)
        {
            var clock = Stopwatch.StartNew();
            matched += index.Match(story).Count;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"match: {subscriptions:N0} subscriptions, {filters.Count(f => f.Pattern is not null || f.ExcludePattern is not null):N0} with patterns (index built in {build.Elapsed.TotalMilliseconds:N0} ms) × {stories:N0} stories: median {times[times.Count / 2]:N3} ms, p99 {times[(int)(times.Count * 0.99)]:N3} ms per story, {matched / (double)stories:N0} channels matched per story"));
        Catastrophe(output);
    }

    /// <summary>(a+)+$ against a long title of a's: exponential on a backtracking engine, linear here.</summary>
    private static void Catastrophe(TextWriter output)
    {
        var title = TextPattern.FoldText(new string('a', 10_000) + "!");
        var evil = TextPattern.TryCreate("(a+)+$", out _)!;
        var plain = TextPattern.TryCreate(@"\bopen[- ]weights?\b", out _)!;
        double Time(TextPattern pattern)
        {
            pattern.IsMatch(title);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 100; i++)
            {
                pattern.IsMatch(title);
            }

            return clock.Elapsed.TotalMilliseconds / 100;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"match: a 10,001-character title: (a+)+$ {Time(evil):N3} ms, \\bopen[- ]weights?\\b {Time(plain):N3} ms per match"));
    }
}
