using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>An outbox row that is due, with what the platform adapter needs to send it.</summary>
public sealed record DueDelivery(
    long DeliveryId,
    int Attempts,
    long StoryId,
    long ChannelId,
    string Platform,
    string ExternalId,
    string ThreadId,
    string ChannelLanguage,
    string Title,
    string Summary,
    string? Link,
    string Source,
    DateTime PublishedAt,
    string? Matched,
    IReadOnlyList<Topic> Topics,
    Extraction? Analysis,
    string? MessageId = null,
    bool Digest = false)
{
    /// <summary>The channel's alert style.</summary>
    public AlertStyle Style { get; init; }

    /// <summary>The Discord role to mention; null mentions nobody.</summary>
    public string? PingRole { get; init; }

    /// <summary>Send without notification.</summary>
    public bool Silent { get; init; }

    /// <summary>The story's tier now, who set it and when (null while it is the first report's).</summary>
    public ClaimTier Tier { get; init; }

    public string? TierBy { get; init; }

    public DateTime? TierChangedAt { get; init; }

    /// <summary>The earlier story this one follows: its title and date; null when it follows none.</summary>
    public string? FollowsTitle { get; init; }

    public DateTime? FollowsPublishedAt { get; init; }

    /// <summary>The arXiv paper the story was first seen on, and its date; null for a story the news told first.</summary>
    public string? PaperId { get; init; }

    public DateTime? PaperAt { get; init; }
}
