namespace Radar.Storage.Stores;

/// <summary>Where a story goes, why, and when: now, after quiet hours, or at the digest time.</summary>
public sealed record DeliveryTarget(long ChannelId, string Matched, DateTime DueAt, bool Digest);
