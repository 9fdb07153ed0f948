namespace Radar.Bot.Chat;

public enum SendStatus
{
    Sent,

    /// <summary>Timeouts, 5xx, 429: retried later with backoff.</summary>
    Transient,

    /// <summary>The channel is gone or refuses us: not retried.</summary>
    Permanent,
}
