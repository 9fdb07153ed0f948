namespace Radar.Storage.Stores;

/// <summary>An earlier story of a thread: which, its title, when.</summary>
public sealed record StoryLink(long Id, string Title, DateTime PublishedAt);
