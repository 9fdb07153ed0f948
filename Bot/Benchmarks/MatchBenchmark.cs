using System.Diagnostics;
using System.Globalization;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Text;

namespace Radar.Bot.Benchmarks;

/// <summary>100,000 subscriptions × 1,000 stories through the subscription index: time per story.</summary>
public static class MatchBenchmark
{
    public static void Run(TextWriter output, int subscriptions = 100_000, int stories = 1_000)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(7);
        var knowledge = SeedKnowledge.Load();
        var entities = knowledge.Entities.Select(e => e.Id).Concat(Enumerable.Range(0, 5_000).Select(i => $"org:synthetic-{i}")).ToArray();
        var words = new[] { "agents", "robotics", "open weights", "reasoning", "safety", "chips", "benchmark", "funding", "llama", "gemini", "alignment", "startup" };
        Topic?[] topics = [Topic.Talent, Topic.Launches, null];

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
        }

        var build = Stopwatch.StartNew();
        var index = new SubscriptionIndex(filters);
        build.Stop();

        var facts = Enumerable.Range(0, stories).Select(_ => new StoryFacts(
            new HashSet<Topic>(random.Next(3) switch { 0 => [Topic.Talent], 1 => [Topic.Launches], _ => [Topic.Talent, Topic.Launches] }),
            Enumerable.Range(0, random.Next(1, 6)).Select(_ => entities[random.Next(entities.Length)]).ToHashSet(StringComparer.Ordinal),
            MatchText.Tokenize(string.Join(' ', Enumerable.Range(0, 40).Select(_ => random.Next(5) == 0 ? words[random.Next(words.Length)] : "word" + random.Next(1000)))),
            "en")).ToList();

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
            $"match: {subscriptions:N0} subscriptions (index built in {build.Elapsed.TotalMilliseconds:N0} ms) × {stories:N0} stories: median {times[times.Count / 2]:N3} ms, p99 {times[(int)(times.Count * 0.99)]:N3} ms per story, {matched / (double)stories:N0} channels matched per story"));
    }
}
