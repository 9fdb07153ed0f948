using System.Text.Json;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>
/// Scores a labelled set in the dev.jsonl format: micro P/R/F1 per field, overall and per language,
/// and the items that missed, for the printout.
/// </summary>
internal sealed class EvalSet
{
    public static readonly string[] Fields = ["topics", "people", "orgs", "models", "moves"];

    public Dictionary<string, ExtractionScore> Scores { get; } = Fields.ToDictionary(f => f, _ => new ExtractionScore());

    /// <summary>Per language, per field.</summary>
    public Dictionary<(string Language, string Field), ExtractionScore> ByLanguage { get; } = [];

    public List<string> Misses { get; } = [];

    public static EvalSet Score(string path, KnowledgeBase knowledge)
    {
        var extractor = new EventExtractor(knowledge);
        var set = new EvalSet();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            var expected = item.GetProperty("expect");
            var language = item.GetProperty("lang").GetString()!;
            var result = extractor.Extract(item.GetProperty("title").GetString()!, item.GetProperty("summary").GetString(), language);
            var got = new Dictionary<string, List<string>>
            {
                ["topics"] = [.. result.Topics.Select(TopicText.Name)],
                ["people"] = [.. result.People.Select(p => ExtractionScore.Key(knowledge, p))],
                ["orgs"] = [.. result.Orgs.Select(o => ExtractionScore.Key(knowledge, o))],
                ["models"] = [.. result.Models.Select(m => ExtractionScore.Key(knowledge, m))],
                ["moves"] = [.. result.Moves.Select(m => MoveKey(knowledge, m.Person, m.From, m.To))],
            };
            foreach (var field in Fields)
            {
                var wanted = expected.GetProperty(field).EnumerateArray().Select(v => field switch
                {
                    "topics" => v.GetString()!,
                    "moves" => MoveKey(knowledge, v.GetProperty("person").GetString(), Nullable(v, "from"), Nullable(v, "to")),
                    _ => ExtractionScore.Key(knowledge, v.GetString()),
                }).ToList();
                set.Scores[field].Add(got[field], wanted);
                var key = (language, field);
                (set.ByLanguage.TryGetValue(key, out var score) ? score : set.ByLanguage[key] = new ExtractionScore()).Add(got[field], wanted);
                if (!got[field].ToHashSet(StringComparer.Ordinal).SetEquals(wanted))
                {
                    set.Misses.Add($"{item.GetProperty("id").GetString()} {field}: got [{string.Join("; ", got[field])}] want [{string.Join("; ", wanted)}] — {item.GetProperty("title").GetString()}");
                }
            }
        }

        return set;
    }

    public IEnumerable<string> Report()
    {
        foreach (var field in Fields)
        {
            yield return $"{field,-8} {Scores[field]}";
        }

        foreach (var language in ByLanguage.Keys.Select(k => k.Language).Distinct().Order(StringComparer.Ordinal))
        {
            yield return $"{language}: " + string.Join("  ", Fields.Select(f => $"{f} {ByLanguage[(language, f)].F1:0.00}"));
        }

        foreach (var miss in Misses)
        {
            yield return "miss " + miss;
        }
    }

    private static string MoveKey(KnowledgeBase knowledge, string? person, string? from, string? to) =>
        string.Join(" | ", ExtractionScore.Key(knowledge, person), ExtractionScore.Key(knowledge, from), ExtractionScore.Key(knowledge, to));

    private static string? Nullable(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
