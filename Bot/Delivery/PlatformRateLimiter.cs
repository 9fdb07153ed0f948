using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Radar.Bot.Delivery;

/// <summary>
/// The platforms' sending limits, from <see cref="DeliveryOptions"/>: a token bucket per platform
/// (overall pace) and per channel per minute, and per channel per second a spacing measured from the
/// moment the previous message to that chat actually went (<see cref="Finished"/>), not from when its
/// turn came — a message that waited for the overall pace must not make the next one to the same chat
/// too early. The dispatcher sends to a chat only when it is ready (serving other chats meanwhile, so
/// none starves behind a busy one) and waits for the platform's overall pace, so a burst of news never
/// makes a platform refuse us. 429 retry-after is honoured by the dispatcher's retries.
/// </summary>
public sealed class PlatformRateLimiter(IOptions<DeliveryOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter?> _global = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Platform, long Channel), RateLimiter[]> _channels = new();

    /// <summary>Per channel: the timestamp (<see cref="Stopwatch"/>) before which it takes no message; <see cref="long.MaxValue"/> while one is on its way.</summary>
    private readonly ConcurrentDictionary<(string Platform, long Channel), long> _nextSend = new();

    /// <summary>Waits until the platform and the channel may take one more message; call <see cref="Finished"/> once it went.</summary>
    public async ValueTask WaitAsync(string platform, long channel, CancellationToken cancellationToken)
    {
        while (!TryTakeChannel(platform, channel))
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        await WaitGlobalAsync(platform, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the platform's overall pace, and for room in its current second (at most the whole part of the rate).</summary>
    public async ValueTask WaitGlobalAsync(string platform, CancellationToken cancellationToken)
    {
        if (Global(platform) is { } limiter)
        {
            await AcquireAsync(limiter, platform, cancellationToken).ConfigureAwait(false);
        }

        if (Window(platform) is { } window)
        {
            await window.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// This instance has just taken over a platform's sending (its lease): the previous holder may have
    /// filled the platform's current second, so the first second here counts as full.
    /// </summary>
    public void TakingOver(string platform) => Window(platform)?.Fill();

    private SlidingWindow? Window(string platform) =>
        options.Value.RateLimits.GetValueOrDefault(platform) is { GlobalPerSecond: >= 1 } limits
            ? _windows.GetOrAdd(platform, _ => new SlidingWindow((int)Math.Floor(limits.GlobalPerSecond)))
            : null;

    /// <summary>
    /// Takes the channel's turn now if it is ready; false means "this chat later, others first". A
    /// turn taken must be ended with <see cref="Finished"/> when the message went (or did not).
    /// </summary>
    public bool TryTakeChannel(string platform, long channel)
    {
        var key = (platform, channel);
        var perSecond = options.Value.RateLimits.GetValueOrDefault(platform)?.PerChannelPerSecond ?? 0;
        if (perSecond > 0)
        {
            var next = _nextSend.GetOrAdd(key, 0);
            if (Stopwatch.GetTimestamp() < next || !_nextSend.TryUpdate(key, long.MaxValue, next))
            {
                return false;
            }
        }

        foreach (var limiter in Channel(platform, channel))
        {
            using var lease = limiter.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                _nextSend.TryUpdate(key, 0, long.MaxValue);
                return false;
            }
        }

        return true;
    }

    /// <summary>The message of a turn went (or did not): the channel's next one may go one interval from now.</summary>
    public void Finished(string platform, long channel)
    {
        var perSecond = options.Value.RateLimits.GetValueOrDefault(platform)?.PerChannelPerSecond ?? 0;
        if (perSecond > 0)
        {
            _nextSend[(platform, channel)] = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency / perSecond);
        }
    }

    private RateLimiter? Global(string platform) =>
        options.Value.RateLimits.GetValueOrDefault(platform) is { } limits ? _global.GetOrAdd(platform, _ => PerSecond(limits.GlobalPerSecond)) : null;

    private RateLimiter[] Channel(string platform, long channel) =>
        options.Value.RateLimits.GetValueOrDefault(platform) is { } limits
            ? _channels.GetOrAdd((platform, channel), _ => [.. new[] { PerMinute(limits.PerChannelPerMinute) }.OfType<RateLimiter>()])
            : [];

    private static async ValueTask AcquireAsync(RateLimiter limiter, string platform, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"{platform} rate limiter queue is full");
        }
    }

    public void Dispose()
    {
        foreach (var limiter in _global.Values.OfType<RateLimiter>().Concat(_channels.Values.SelectMany(l => l)))
        {
            limiter.Dispose();
        }

        foreach (var window in _windows.Values)
        {
            window.Dispose();
        }
    }

    /// <summary>One token every 1/rate seconds: paced evenly, never a burst that a sliding window would refuse.</summary>
    private static TokenBucketRateLimiter? PerSecond(double rate) => rate <= 0 ? null : Bucket(1, TimeSpan.FromSeconds(1 / rate));

    private static TokenBucketRateLimiter? PerMinute(int rate) => rate <= 0 ? null : Bucket(rate, TimeSpan.FromMinutes(1));

    private static TokenBucketRateLimiter Bucket(int tokens, TimeSpan period) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = tokens,
        TokensPerPeriod = tokens,
        ReplenishmentPeriod = period,
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
