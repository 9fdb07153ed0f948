namespace Radar.Feeds.Fetching;

/// <summary>
/// When to poll a feed next: when it is healthy, an interval that follows its publishing rhythm
/// between a floor and a ceiling, never sooner than the server's freshness; when it fails,
/// exponential backoff up to 6 h.
/// </summary>
public static class PollSchedule
{
    /// <summary>How many polls an adaptive interval spends on each entry the feed's rhythm expects.</summary>
    public const int PollsPerEntry = 4;

    /// <summary>How many of the latest entries make the rhythm.</summary>
    public const int RhythmEntries = 10;

    /// <summary>How much longer the interval grows each time a poll finds nothing new.</summary>
    public const double UnchangedGrowth = 1.25;

    /// <summary>
    /// The interval a feed's own rhythm asks for: the typical (median) gap between its latest entries,
    /// or the time since its last entry when it has been quiet longer than that, split into
    /// <see cref="PollsPerEntry"/> polls and held between <paramref name="floor"/> and
    /// <paramref name="ceiling"/>. A feed without two distinct dates gets the ceiling.
    /// </summary>
    public static TimeSpan Adaptive(IEnumerable<DateTimeOffset> published, DateTimeOffset now, TimeSpan floor, TimeSpan ceiling)
    {
        ArgumentNullException.ThrowIfNull(published);
        floor = Min(floor, ceiling);
        var latest = published.Where(t => t <= now + TimeSpan.FromMinutes(5) && t > now - TimeSpan.FromDays(30))
            .Distinct().OrderByDescending(t => t).Take(RhythmEntries).ToList();
        if (latest.Count < 2)
        {
            return ceiling;
        }

        var gaps = latest.Zip(latest.Skip(1), (newer, older) => newer - older).Order().ToList();
        var typical = gaps[gaps.Count / 2];
        var quiet = now - latest[0];
        var expected = quiet > typical ? quiet : typical;
        return Clamp(expected / PollsPerEntry, floor, ceiling);
    }

    /// <summary>After a poll that found nothing new (304, or no new entry): the last interval a little longer.</summary>
    public static TimeSpan AfterUnchanged(TimeSpan? previous, TimeSpan floor, TimeSpan ceiling) =>
        Clamp((previous ?? ceiling) * UnchangedGrowth, Min(floor, ceiling), ceiling);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>The longest a server's Cache-Control may stretch the interval.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// The interval until a feed's next poll after a success: the long safety interval while a hub
    /// pushes the feed; else the rhythm of its entries (<see cref="Adaptive"/>), or a little longer
    /// than last time when the server said nothing changed (304: <paramref name="published"/> null).
    /// </summary>
    public static TimeSpan Next(FeedsOptions settings, bool pushed, TimeSpan? previous, IEnumerable<DateTimeOffset>? published, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (pushed)
        {
            return settings.PushedPollInterval;
        }

        return published is null
            ? AfterUnchanged(previous, settings.MinPollInterval, settings.PollInterval)
            : Adaptive(published, now, settings.MinPollInterval, settings.PollInterval);
    }

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

    private static TimeSpan Clamp(TimeSpan value, TimeSpan floor, TimeSpan ceiling) => value < floor ? floor : value > ceiling ? ceiling : value;
}
