namespace Radar.Storage.Stores;

/// <summary>What extraction and clustering made of a story's first report, as stored.</summary>
public sealed record StoryUnderstanding(string Topics, string? Analysis, long TitleHash, string TitleKey, string EventKeys, string Summary);
