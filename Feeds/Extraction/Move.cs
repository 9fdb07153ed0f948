namespace Radar.Feeds.Extraction;

/// <summary>A person's move: where from and where to, each null when the story does not say.</summary>
public sealed record Move(string Person, string? From, string? To);
