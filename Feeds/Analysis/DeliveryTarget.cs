namespace Radar.Feeds.Analysis;

/// <summary>Where a story goes: a channel, the subscription that matched (described), when, and whether in a digest.</summary>
public sealed record DeliveryTarget(long ChannelId, string Matched, DateTime DueAt, bool Digest);
