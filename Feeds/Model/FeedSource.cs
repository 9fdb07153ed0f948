namespace Radar.Feeds.Model;

/// <summary>A configured feed: a display name, its URL, an optional language hint, and the organisation it speaks for, if it is that organisation's own (a lab's blog).</summary>
public sealed record FeedSource(string Name, string Url, string? Language = null, string? Official = null);
