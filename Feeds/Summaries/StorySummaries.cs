using System.Text.Json;

namespace Radar.Feeds.Summaries;

/// <summary>
/// A story's summaries, made once when it is analysed and stored with it as JSON: the extractive one
/// under the empty key, and an LLM's under each reader language it was asked for. Sending only picks.
/// </summary>
public static class StorySummaries
{
    private const string Extractive = "";

    public static string Write(string extractive, IReadOnlyDictionary<string, string>? byLanguage = null)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal) { [Extractive] = extractive };
        foreach (var (language, summary) in byLanguage ?? new Dictionary<string, string>())
        {
            all[language] = summary;
        }

        return JsonSerializer.Serialize(all);
    }

    /// <summary>The summary for a reader of <paramref name="language"/>; the extractive one made from <paramref name="text"/> when nothing was stored.</summary>
    public static string For(string? stored, string language, string text)
    {
        if (stored is not null)
        {
            try
            {
                var all = JsonSerializer.Deserialize<Dictionary<string, string>>(stored);
                if (all is not null && (all.TryGetValue(language, out var summary) || all.TryGetValue(Extractive, out summary)))
                {
                    return summary;
                }
            }
            catch (JsonException)
            {
                // a damaged row: fall back to the text
            }
        }

        return ExtractiveSummary.Create(text);
    }
}
