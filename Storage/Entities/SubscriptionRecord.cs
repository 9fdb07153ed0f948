namespace Radar.Storage.Entities;

/// <summary>What a channel wants to hear about; the filters are optional and combine with AND.</summary>
public sealed class SubscriptionRecord
{
    public long Id { get; set; }

    public long ChannelId { get; set; }

    public required SubscriptionTopic Topic { get; set; }

    public string? Org { get; set; }

    public string? Person { get; set; }

    public string? Model { get; set; }

    public string? Keyword { get; set; }

    public string? SourceLanguage { get; set; }

    /// <summary>Excluded words and phrases, one per line.</summary>
    public string? Exclude { get; set; }

    /// <summary>A regular expression the story must match (non-backtracking).</summary>
    public string? Pattern { get; set; }

    /// <summary>A regular expression the story must not match.</summary>
    public string? ExcludePattern { get; set; }

    /// <summary>The Discord role id the alerts mention; null mentions nobody.</summary>
    public string? PingRole { get; set; }

    /// <summary>Alerts arrive without notification (Telegram <c>notify:off</c>).</summary>
    public bool Silent { get; set; }

    /// <summary>Waits for a story to be confirmed before alerting (<c>confirmed:only</c>).</summary>
    public bool ConfirmedOnly { get; set; }

    /// <summary>Moves inferred from papers: null as by default (with a person or organisation filter), or on or off (<c>papers:on|off</c>).</summary>
    public bool? Papers { get; set; }

    public DeliveryMode Mode { get; set; } = DeliveryMode.Instant;

    /// <summary>Local time of the digest, "HH:mm", when <see cref="Mode"/> is digest.</summary>
    public string? DigestTime { get; set; }

    public string? QuietHours { get; set; }

    public DateTime CreatedAt { get; set; }
}
