using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Radar.Bot.Delivery;

/// <summary>
/// Token buckets per platform (overall) and per channel (per second and per minute), from
/// <see cref="DeliveryOptions"/>: the dispatcher waits for a token before each send, so a burst of
/// news never makes a platform refuse us. 429 retry-after is honoured by the dispatcher's retries.
/// </summary>
public sealed class PlatformRateLimiter(IOptions<DeliveryOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter?> _global = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Platform, long Channel), RateLimiter[]> _channels = new();

    /// <summary>Waits until the platform and the channel may take one more message.</summary>
    public async ValueTask WaitAsync(string platform, long channel, CancellationToken cancellationToken)
    {
        var limits = options.Value.RateLimits.GetValueOrDefault(platform);
        if (limits is null)
        {
            return;
        }

        var global = _global.GetOrAdd(platform, _ => PerSecond(limits.GlobalPerSecond));
        foreach (var limiter in _channels.GetOrAdd((platform, channel), _ => [.. new[] { PerSecond(limits.PerChannelPerSecond), PerMinute(limits.PerChannelPerMinute) }.OfType<RateLimiter>()]).Prepend(global).OfType<RateLimiter>())
        {
            using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException($"{platform} rate limiter queue is full");
            }
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
