using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Radar.Feeds.Analysis;
using Radar.Feeds.Knowledge;

namespace Radar.Bot.Cli;

/// <summary>
/// <c>extract --input FILE [--explain]</c> (<c>-</c> for standard input): JSON Lines in (<c>id</c>, <c>title</c>,
/// <c>summary</c>, optional <c>lang</c>), exactly one JSON line out per line in, nothing else on
/// standard output. A line that cannot be read still gets its line, with an <c>error</c>. It runs
/// the live pipeline's analysis stage (<see cref="StoryAnalyser"/>) on the shipped knowledge. With
/// <c>--explain</c> each event also says why it was read so (<c>why</c>: the cues, and where each side came from).
/// </summary>
public static class ExtractCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(string[] arguments, TextReader standardInput, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var path = CommandLineOptions.Value(arguments, "--input");
        if (path is null)
        {
            await errors.WriteLineAsync("usage: extract --input FILE [--explain]   (FILE is JSON Lines with id, title, summary[, lang]; - reads standard input)").ConfigureAwait(false);
            return 2;
        }

        if (path != "-" && !File.Exists(path))
        {
            await errors.WriteLineAsync($"extract: {Path.GetFullPath(path)} does not exist").ConfigureAwait(false);
            return 2;
        }

        var explain = arguments.Contains("--explain", StringComparer.Ordinal);
        var analyser = new StoryAnalyser(SeedKnowledge.Load());
        using var input = path == "-" ? null : new StreamReader(path);
        var reader = input ?? standardInput;
        string? line;
        var count = 0;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await output.WriteLineAsync(ExtractLine(analyser, line, explain)).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync().ConfigureAwait(false);
        await errors.WriteLineAsync($"extract: {count} items").ConfigureAwait(false);
        return 0;
    }

    public static string ExtractLine(StoryAnalyser analyser, string line, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(analyser);
        string? id = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            id = Text(item, "id");
            var title = Text(item, "title") ?? string.Empty;
            var analysis = analyser.Analyse(new AnalysisInput(title, Text(item, "summary"), Text(item, "lang"), Text(item, "link")));
            var result = analysis.Extraction;
            return JsonSerializer.Serialize(
                new
                {
                    id,
                    lang = result.Language,
                    topics = result.Topics,
                    tier = result.Tier,
                    events = result.Events.Select(e => explain
                        ? (object)new { type = e.Type, person = e.Person, from = e.From, to = e.To, role = e.Role, model = e.Model, org = e.Org, tier = e.Tier, confidence = e.Confidence, evidence = e.Evidence, why = e.Why }
                        : new { type = e.Type, person = e.Person, from = e.From, to = e.To, role = e.Role, model = e.Model, org = e.Org, tier = e.Tier, confidence = e.Confidence, evidence = e.Evidence }),
                    denied = result.Denied?.Select(e => new { type = e.Type, person = e.Person, from = e.From, to = e.To, model = e.Model }),
                    people = result.People,
                    orgs = result.Orgs,
                    models = result.Models,
                    moves = result.Moves.Select(m => new { person = m.Person, from = m.From, to = m.To }),
                    headline = analysis.Headline,
                },
                Json);
        }
        catch (JsonException e)
        {
            return JsonSerializer.Serialize(
                new { id, lang = (string?)null, topics = Array.Empty<string>(), events = Array.Empty<object>(), people = Array.Empty<string>(), orgs = Array.Empty<string>(), models = Array.Empty<string>(), moves = Array.Empty<object>(), error = "not a JSON object: " + e.Message },
                Json);
        }
    }

    private static string? Text(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
