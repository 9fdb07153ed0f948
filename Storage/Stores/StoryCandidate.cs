namespace Radar.Storage.Stores;

/// <summary>A recent story as the clusterer compares it.</summary>
public sealed record StoryCandidate(long Id, string? Link, long TitleHash, string TitleKey, string EventKeys);
