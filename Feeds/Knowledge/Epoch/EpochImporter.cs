using System.Text.Encodings.Web;
using System.Text.Json;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge.Epoch;

/// <summary>Turns the dataset's rows into the snapshot Radar ships: reproducible, the same CSV gives the same file.</summary>
public static partial class EpochImporter
{
    public const string Source = "https://epoch.ai/data/notable-ai-models";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static EpochSnapshot Import(IReadOnlyList<EpochRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var orgs = new Dictionary<string, EpochSnapshot.Org>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Organizations.Count))
        {
            for (var i = 0; i < row.Organizations.Count; i++)
            {
                var name = row.Organizations[i];
                var aligned = row.Organizations.Count == 1 || row.Categories.Count == row.Organizations.Count;
                var kind = aligned && i < row.Categories.Count ? row.Categories[i] : null;
                var country = (row.Organizations.Count == 1 || row.Countries.Count == row.Organizations.Count) && i < row.Countries.Count ? row.Countries[i] : null;
                if (!orgs.TryGetValue(name, out var known) || (known.Kind is null && kind is not null) || (known.Country is null && country is not null))
                {
                    orgs[name] = new EpochSnapshot.Org(name, known?.Kind ?? kind, known?.Country ?? country);
                }
            }
        }

        var models = rows
            .Select(r => new EpochSnapshot.Model(r.Model, [.. r.Organizations], r.Date, r.Link, r.Accessibility, r.Parameters, [.. r.Authors]))
            .OrderBy(m => m.Date ?? string.Empty, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

        // Words the dataset itself writes in lower case are common words: a name made only of them
        // ("Transformer", "Sparrow") is not matched alone in news text.
        // Addresses are left out (a URL writes every name in lower case); a word counts as common when the
        // prose writes it in lower case at least twice and at least half as often as capitalised.
        var words = rows.SelectMany(r => MatchText.Tokenize(Address().Replace(r.Prose, " "))).ToList();
        var lower = words.Where(t => t.Surface.All(char.IsLower)).CountBy(t => t.Folded).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var capital = words.Where(t => char.IsUpper(t.Surface[0])).CountBy(t => t.Folded).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var prose = lower.Where(p => p.Value >= 2 && p.Value * 2 >= capital.GetValueOrDefault(p.Key)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var nameWords = models.SelectMany(m => m.Authors.Append(m.Name)).Concat(orgs.Keys).SelectMany(n => MatchText.Tokenize(SeedKnowledge.DisplayName(n)))
            .Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        var common = nameWords.Where(prose.Contains).Order(StringComparer.Ordinal).ToList();

        return new EpochSnapshot(
            "Epoch AI's Notable AI Models, as imported by `radar import epoch` (see README). Licence CC BY 4.0: show the credit wherever these facts are shown.",
            EpochSnapshot.CreditLine,
            Source,
            "CC BY 4.0",
            [.. orgs.Values.OrderBy(o => o.Name, StringComparer.Ordinal)],
            models,
            common);
    }

    public static string Serialize(EpochSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json) + "\n";

    public static EpochSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<EpochSnapshot>(json, Json) ?? throw new InvalidDataException("epoch.json is empty.");

    [System.Text.RegularExpressions.GeneratedRegex(@"\S*(://|www\.|@|\.com|\.org|\.ai)\S*")]
    private static partial System.Text.RegularExpressions.Regex Address();
}
