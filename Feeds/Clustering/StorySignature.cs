namespace Radar.Feeds.Clustering;

/// <summary>What makes two reports the same story: a link, a title fingerprint, event keys.</summary>
public sealed record StorySignature(string? Link, ulong TitleHash, string TitleKey, IReadOnlyCollection<string> EventKeys);
