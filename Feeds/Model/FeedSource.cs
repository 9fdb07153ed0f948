namespace Radar.Feeds.Model;

/// <summary>A configured feed: a display name, its URL and an optional language hint.</summary>
public sealed record FeedSource(string Name, string Url, string? Language = null);
