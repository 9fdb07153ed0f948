using System.Net;

namespace Radar.Bot.Discord.Rest;

/// <summary>Discord refused a request: the HTTP status and Discord's own error code (10003, 50013…).</summary>
public sealed class DiscordApiException(HttpStatusCode status, int code, string message, TimeSpan? retryAfter = null)
    : Exception($"Discord {(int)status} {code}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public int Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
