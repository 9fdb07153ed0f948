namespace Radar.Bot.Papers;

/// <summary>What Radar remembers of a listing between rounds (stored as JSON under a platform-state key): its validators, its next read and its failures in a row.</summary>
public sealed record ListingState(string? ETag, string? LastModified, DateTimeOffset NextPollAt, int Failures);
