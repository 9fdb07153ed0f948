using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Radar.Feeds.Knowledge.Epoch;

/// <summary>
/// Reads Epoch AI's Notable AI Models CSV (RFC 4180, cells with newlines, several organisations in a
/// cell) into cleaned rows: names trimmed, organisations and authors split, author cells that are not
/// people ("Qwen Team", "et al.", an organisation's name) left out.
/// </summary>
public static partial class EpochCsvReader
{
    public static List<EpochRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null, HeaderValidated = null };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new InvalidDataException("The Epoch AI CSV has no header row.");
        }

        if (!csv.HeaderRecord!.Contains("Model", StringComparer.Ordinal) || !csv.HeaderRecord!.Contains("Organization", StringComparer.Ordinal))
        {
            throw new InvalidDataException("The CSV does not look like Epoch AI's Notable AI Models: no Model or Organization column.");
        }

        var rows = new List<EpochRow>();
        while (csv.Read())
        {
            var model = Clean(csv.GetField("Model"));
            if (model is null)
            {
                continue;
            }

            var organizations = Split(csv.GetField("Organization"));
            var authors = Split(csv.GetField("Authors")).Select(Author).OfType<string>()
                .Where(a => !organizations.Any(o => string.Equals(o, a, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new EpochRow(
                SeedKnowledge.DisplayName(model),
                organizations,
                Date(Clean(csv.GetField("Publication date"))),
                Clean(csv.GetField("Link"))?.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
                authors,
                Clean(csv.GetField("Model accessibility")),
                double.TryParse(Clean(csv.GetField("Parameters")), NumberStyles.Float, CultureInfo.InvariantCulture, out var parameters) ? parameters : null,
                Split(csv.GetField("Organization categorization")),
                Split(csv.GetField("Country (of organization)")),
                string.Join(' ', ProseColumns.Select(c => csv.GetField(c) ?? string.Empty))));
        }

        return rows;
    }

    /// <summary>A person's name from an author cell, or null: "LG AI Research: Kyunghoon Bae" → "Kyunghoon Bae", "Shuai Liang et al. (82 …)" → "Shuai Liang".</summary>
    internal static string? Author(string cell)
    {
        var name = cell;
        var colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            name = name[(colon + 1)..];
        }

        name = EtAl().Replace(name, string.Empty);
        name = HyphenSpace().Replace(name, "-").Trim(' ', '*', '.', '\u00A0');
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Any(w => !char.IsLetter(w[0])) || words.Any(w => NotAPerson.Contains(w.TrimEnd('.'))))
        {
            return null; // a surname alone, a team, an organisation
        }

        return string.Join(' ', words);
    }

    /// <summary>The columns of plain prose, where common words are written in lower case.</summary>
    private static readonly string[] ProseColumns = ["Abstract", "Reference", "Parameters notes", "Training compute notes"];

    private static readonly HashSet<string> NotAPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "team", "lab", "labs", "research", "ai", "inc", "university", "institute", "group", "model", "models", "company", "corporation", "open", "learning", "google", "deepmind", "openai",
    };

    private static List<string> Split(string? cell) =>
        [.. (cell ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Clean).OfType<string>()];

    private static string? Clean(string? cell)
    {
        var text = cell?.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return string.IsNullOrEmpty(text) ? null : WhiteSpace().Replace(text, " ");
    }

    private static string? Date(string? cell) =>
        DateOnly.TryParse(cell, CultureInfo.InvariantCulture, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\s+et al\.?.*$", RegexOptions.IgnoreCase)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"-\s+")]
    private static partial Regex HyphenSpace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
