namespace Radar.Storage.Stores;

/// <summary>What <c>/feeds</c> and <c>/healthz</c> show of one feed.</summary>
public sealed record FeedHealth(
    int Id,
    string Name,
    string Url,
    bool Enabled,
    DateTime? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastError,
    DateTime NextPollAt,
    string? Language = null);
