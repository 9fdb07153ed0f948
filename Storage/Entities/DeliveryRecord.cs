namespace Radar.Storage.Entities;

/// <summary>The outbox: one row per (story, channel), unique, so nothing is queued or sent twice.</summary>
public sealed class DeliveryRecord
{
    public long Id { get; set; }

    public long StoryId { get; set; }

    public long ChannelId { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Part of the channel's digest: sent with the others due at the same time, in one message.</summary>
    public bool Digest { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>The platform's id of the sent message, so that a living alert can edit it.</summary>
    public string? MessageId { get; set; }

    /// <summary>Which subscription matched: the alert's "why you got this".</summary>
    public string? Matched { get; set; }

    public string? LastError { get; set; }

    /// <summary>The Discord role the alert mentions, from the subscription that matched; null mentions nobody.</summary>
    public string? PingRole { get; set; }

    /// <summary>Sent without notification, as the subscription that matched asked.</summary>
    public bool Silent { get; set; }

    /// <summary>When the sent message should be edited with the story's newer sources (a living alert); null when it is up to date.</summary>
    public DateTime? EditDueAt { get; set; }

    public DateTime? LastEditedAt { get; set; }

    /// <summary>The instance that claimed the row for its work; null when nobody has.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after it, another instance may take the row over.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
