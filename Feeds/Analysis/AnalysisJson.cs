using System.Text.Encodings.Web;
using System.Text.Json;

namespace Radar.Feeds.Analysis;

/// <summary>
/// The stored form of an extraction, in one place. Names stay readable (no \u escapes) so stories can
/// be found by name in the stored text; topics and event kinds are written as their lower-case names.
/// </summary>
public static class AnalysisJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Extraction.Extraction extraction) => JsonSerializer.Serialize(extraction, Options);

    /// <summary>The stored extraction, or null when there is none or it cannot be read (a story is still shown by its title).</summary>
    public static Extraction.Extraction? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Extraction.Extraction>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
