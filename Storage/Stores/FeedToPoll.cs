namespace Radar.Storage.Stores;

/// <summary>A feed due for polling, with the validators for a conditional GET.</summary>
public sealed record FeedToPoll(int Id, string Name, string Url, string? Language, string? ETag, string? LastModified, bool Primed, int ConsecutiveFailures);
