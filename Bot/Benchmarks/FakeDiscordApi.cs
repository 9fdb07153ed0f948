using System.Globalization;
using System.Text.Json.Nodes;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// A minimal Discord REST API with Discord's message limits: a bucket of 5 messages per 5 seconds per
/// channel, told in the <c>X-RateLimit-*</c> headers, and 50 requests per second overall. A request
/// that arrives into an empty bucket (or over the global limit) is answered 429 and counted.
/// </summary>
public sealed class FakeDiscordApi : BenchServer
{
    public const int BucketSize = 5;
    public static readonly TimeSpan BucketWindow = TimeSpan.FromSeconds(5);
    public const int GlobalPerSecond = 50;

    private readonly Dictionary<string, (int Remaining, DateTime ResetAt)> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTime> _all = new();
    private readonly Lock _gate = new();
    private int _messageId;
    private int _emptyBucket;

    private FakeDiscordApi(TimeSpan latency)
        : base(latency)
    {
    }

    /// <summary>Requests that arrived while their bucket was empty.</summary>
    public int IntoEmptyBucket => _emptyBucket;

    public static async Task<FakeDiscordApi> StartAsync(TimeSpan latency)
    {
        var fake = new FakeDiscordApi(latency);
        await fake.StartAsync(app => app.MapPost("/api/v10/channels/{channel}/messages", fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string channel)
    {
        var now = DateTime.UtcNow;
        await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        int remaining;
        DateTime reset;
        bool empty, global;
        lock (_gate)
        {
            (remaining, reset) = _buckets.GetValueOrDefault(channel, (BucketSize, now + BucketWindow));
            if (now >= reset)
            {
                (remaining, reset) = (BucketSize, now + BucketWindow);
            }

            while (_all.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromSeconds(1))
            {
                _all.Dequeue();
            }

            empty = remaining == 0;
            global = !empty && _all.Count >= GlobalPerSecond;
            if (!empty && !global)
            {
                remaining--;
                _all.Enqueue(now);
            }

            _buckets[channel] = (remaining, reset);
        }

        if (empty)
        {
            Interlocked.Increment(ref _emptyBucket);
        }

        await RoundTripAsync(channel, now, empty || global).ConfigureAwait(false);
        context.Response.Headers["X-RateLimit-Bucket"] = "channel-messages";
        context.Response.Headers["X-RateLimit-Limit"] = BucketSize.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset-After"] = Math.Max(0, (reset - now).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        if (empty || global)
        {
            context.Response.StatusCode = 429;
            var retry = global ? 0.1 : Math.Max(0, (reset - now).TotalSeconds);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retry, ["global"] = global }).ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = Interlocked.Increment(ref _messageId).ToString(CultureInfo.InvariantCulture), ["channel_id"] = channel }).ConfigureAwait(false);
    }
}
