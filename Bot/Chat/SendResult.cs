namespace Radar.Bot.Chat;

/// <summary>How a platform answered one send: sent, try again later, or never for this channel.</summary>
public sealed record SendResult(SendStatus Status, string? MessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string? messageId) => new(SendStatus.Sent, messageId);

    public static SendResult Transient(string error, TimeSpan? retryAfter = null) => new(SendStatus.Transient, Error: error, RetryAfter: retryAfter);

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, Error: error);
}
