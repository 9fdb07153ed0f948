namespace Radar.Feeds.Fetching;

/// <summary>When to poll a feed next: the interval when it is healthy, exponential backoff up to 6 h when it fails.</summary>
public static class PollSchedule
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>The longest a server's Cache-Control may stretch the interval.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromHours(1);

    public static TimeSpan AfterSuccess(TimeSpan interval, TimeSpan? serverMaxAge) =>
        serverMaxAge is { } maxAge && maxAge > interval ? Min(maxAge, MaxServerDelay) : interval;

    /// <param name="interval">The configured poll interval.</param>
    /// <param name="consecutiveFailures">Failures in a row, counting this one (1 or more).</param>
    /// <param name="retryAfter">The server's Retry-After, honoured when longer.</param>
    /// <param name="jitter">A number in [0, 1) that spreads retries of many feeds apart.</param>
    public static TimeSpan AfterFailure(TimeSpan interval, int consecutiveFailures, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Clamp(consecutiveFailures, 1, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * Math.Pow(2, exponent - 1) * (1 + (0.2 * jitter)), MaxBackoff.Ticks));
        if (retryAfter is { } wait && wait > backoff)
        {
            backoff = Min(wait, MaxBackoff);
        }

        return backoff;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
