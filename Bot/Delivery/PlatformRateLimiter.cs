using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Radar.Bot.Delivery;

/// <summary>
/// Token buckets per platform (overall) and per channel (per second and per minute), from
/// <see cref="DeliveryOptions"/>: the dispatcher sends to a chat only when its bucket has a token
/// (serving other chats meanwhile, so none starves behind a busy one) and waits for the platform's
/// overall pace, so a burst of news never makes a platform refuse us. 429 retry-after is honoured by
/// the dispatcher's retries.
/// </summary>
public sealed class PlatformRateLimiter(IOptions<DeliveryOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter?> _global = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Platform, long Channel), RateLimiter[]> _channels = new();

    /// <summary>Waits until the platform and the channel may take one more message.</summary>
    public async ValueTask WaitAsync(string platform, long channel, CancellationToken cancellationToken)
    {
        foreach (var limiter in Channel(platform, channel).Prepend(Global(platform)).OfType<RateLimiter>())
        {
            await AcquireAsync(limiter, platform, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the platform's overall pace only.</summary>
    public async ValueTask WaitGlobalAsync(string platform, CancellationToken cancellationToken)
    {
        if (Global(platform) is { } limiter)
        {
            await AcquireAsync(limiter, platform, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the channel's token now if it has one; false means "this chat later, others first".</summary>
    public bool TryTakeChannel(string platform, long channel)
    {
        foreach (var limiter in Channel(platform, channel))
        {
            using var lease = limiter.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                return false;
            }
        }

        return true;
    }

    private RateLimiter? Global(string platform) =>
        options.Value.RateLimits.GetValueOrDefault(platform) is { } limits ? _global.GetOrAdd(platform, _ => PerSecond(limits.GlobalPerSecond)) : null;

    private RateLimiter[] Channel(string platform, long channel) =>
        options.Value.RateLimits.GetValueOrDefault(platform) is { } limits
            ? _channels.GetOrAdd((platform, channel), _ => [.. new[] { PerSecond(limits.PerChannelPerSecond), PerMinute(limits.PerChannelPerMinute) }.OfType<RateLimiter>()])
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
