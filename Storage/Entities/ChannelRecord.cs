namespace Radar.Storage.Entities;

/// <summary>A place alerts go to: a Discord channel or thread, a Telegram chat or topic, the console.</summary>
public sealed class ChannelRecord
{
    public long Id { get; set; }

    public required string Platform { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>Thread or forum-topic id, empty when the channel itself is the target.</summary>
    public string ThreadId { get; set; } = string.Empty;

    public required string DisplayName { get; set; }

    public string Language { get; set; } = "en";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>How much of a story an alert shows here (<c>/style</c>).</summary>
    public AlertStyle Style { get; set; } = AlertStyle.Full;

    public bool Active { get; set; } = true;

    public string? InactiveReason { get; set; }

    public DateTime CreatedAt { get; set; }
}
