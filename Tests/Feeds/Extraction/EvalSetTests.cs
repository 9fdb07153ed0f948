using System.Text.Json;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Tests.Support;
using Xunit.Abstractions;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>Scores ../shared/eval/dev.jsonl and fails below the issue's floors; prints the table.</summary>
public sealed class EvalSetTests(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["topics", "people", "orgs", "models", "moves"];

    [Fact]
    public void TheDevSetScoresAboveTheFloors()
    {
        var knowledge = SeedKnowledge.Load();
        var extractor = new EventExtractor(knowledge);
        var scores = Fields.ToDictionary(f => f, _ => new ExtractionScore());
        var byLanguage = new Dictionary<string, ExtractionScore>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedFolder.Combine("eval", "dev.jsonl")).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            var expected = item.GetProperty("expect");
            var result = extractor.Extract(item.GetProperty("title").GetString()!, item.GetProperty("summary").GetString(), item.GetProperty("lang").GetString());
            var got = new Dictionary<string, IEnumerable<string>>
            {
                ["topics"] = result.Topics,
                ["people"] = result.People.Select(p => ExtractionScore.Key(knowledge, p)),
                ["orgs"] = result.Orgs.Select(o => ExtractionScore.Key(knowledge, o)),
                ["models"] = result.Models.Select(m => ExtractionScore.Key(knowledge, m)),
                ["moves"] = result.Moves.Select(m => MoveKey(knowledge, m.Person, m.From, m.To)),
            };
            foreach (var field in Fields)
            {
                var wanted = expected.GetProperty(field).EnumerateArray().Select(v => field switch
                {
                    "topics" => v.GetString()!,
                    "moves" => MoveKey(knowledge, v.GetProperty("person").GetString(), Nullable(v, "from"), Nullable(v, "to")),
                    _ => ExtractionScore.Key(knowledge, v.GetString()),
                }).ToList();
                scores[field].Add(got[field], wanted);
                if (field == "topics")
                {
                    var language = item.GetProperty("lang").GetString()!;
                    (byLanguage.TryGetValue(language, out var score) ? score : byLanguage[language] = new ExtractionScore()).Add(got[field], wanted);
                }
            }
        }

        foreach (var field in Fields)
        {
            output.WriteLine($"{field,-8} {scores[field]}");
        }

        foreach (var (language, score) in byLanguage.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"topics/{language} {score}");
        }

        Assert.True(scores["topics"].F1 >= 0.95, $"topics {scores["topics"]}");
        Assert.True(scores["people"].F1 >= 0.90, $"people {scores["people"]}");
        Assert.True(scores["moves"].F1 >= 0.80, $"moves {scores["moves"]}");
    }

    private static string MoveKey(KnowledgeBase knowledge, string? person, string? from, string? to) =>
        string.Join(" | ", ExtractionScore.Key(knowledge, person), ExtractionScore.Key(knowledge, from), ExtractionScore.Key(knowledge, to));

    private static string? Nullable(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
