using System.ComponentModel.DataAnnotations;

namespace Radar.Feeds.Summaries;

/// <summary>
/// The <c>Radar:Summaries:Llm</c> section. Off unless <see cref="Endpoint"/> is set: then alerts get a
/// short summary in the reader's language from an OpenAI-compatible chat endpoint, with the
/// structured headline and the extractive summary as the fallback.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Radar:Summaries:Llm";

    /// <summary>The API base, e.g. <c>http://127.0.0.1:8080/v1</c> for a local server.</summary>
    [Url(ErrorMessage = "must be an absolute http(s) URL.")]
    public string? Endpoint { get; set; }

    [Required]
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>From the environment or user secrets only (<c>Radar__Summaries__Llm__ApiKey</c>); never logged.</summary>
    public string? ApiKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00", ErrorMessage = "must be between 00:00:00.100 and 00:02:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
