using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Rest;

/// <summary>Discord's error body: <c>{"code","message"}</c>, with <c>retry_after</c> (seconds) and <c>global</c> on a 429.</summary>
public sealed record DiscordError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("retry_after")] double? RetryAfterSeconds,
    [property: JsonPropertyName("global")] bool Global)
{
    [JsonIgnore]
    public TimeSpan? RetryAfter => RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
