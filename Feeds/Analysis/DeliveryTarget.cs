namespace Radar.Feeds.Analysis;

/// <summary>Where a story goes: a channel, the subscription that matched (described), when, whether in a digest, and the channel's language.</summary>
public sealed record DeliveryTarget(long ChannelId, string Matched, DateTime DueAt, bool Digest, string Language = "en")
{
    /// <summary>The Discord role the matching subscription pings; null for none.</summary>
    public string? PingRole { get; init; }

    /// <summary>The matching subscription asked for silent alerts.</summary>
    public bool Silent { get; init; }
}
