namespace Radar.Storage.Stores;

/// <summary>
/// A feed due for polling, with the validators for a conditional GET, the interval its rhythm asked
/// for last, and whether a WebSub hub pushes its news now.
/// </summary>
public sealed record FeedToPoll(int Id, string Name, string Url, string? Language, string? ETag, string? LastModified, bool Primed, int ConsecutiveFailures, TimeSpan? PollInterval = null, bool Pushed = false)
{
    /// <summary>The organisation the feed speaks for, if it is official.</summary>
    public string? Official { get; init; }
}
