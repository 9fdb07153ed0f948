using Radar.Bot.Chat;
using Radar.Storage.Stores;

namespace Radar.Bot.Delivery;

/// <summary>
/// Sends due outbox rows through their platform and records each outcome. One dispatch runs at a
/// time, whoever calls it, so a row is never sent by two callers at once. A platform exception
/// counts as a transient failure: the row is retried with backoff, never dropped.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChatPlatform> platforms,
    AlertComposer composer,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : IDisposable
{
    public const int BatchSize = 100;

    /// <summary>After this many attempts a transient failure is given up as dead.</summary>
    public const int MaxAttempts = 12;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Sends everything due now; returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
                var due = (await store.DueAsync(time.GetUtcNow().UtcDateTime, BatchSize, cancellationToken).ConfigureAwait(false))
                    .Where(d => _platforms.ContainsKey(d.Platform)).ToList();
                var progressed = 0;
                foreach (var delivery in due)
                {
                    var sentNow = await SendOneAsync(store, delivery, cancellationToken).ConfigureAwait(false);
                    sent += sentNow ? 1 : 0;
                    progressed++;
                }

                if (progressed < BatchSize)
                {
                    return sent;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> SendOneAsync(DeliveryStore store, DueDelivery delivery, CancellationToken cancellationToken)
    {
        var platform = _platforms[delivery.Platform];
        SendResult result;
        try
        {
            result = await platform.SendAlertAsync(await composer.ComposeAsync(delivery, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = SendResult.Transient($"{e.GetType().Name}: {e.Message}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case SendStatus.Sent:
                await store.MarkSentAsync(delivery.DeliveryId, result.MessageId, now, CancellationToken.None).ConfigureAwait(false);
                return true;
            case SendStatus.Transient when delivery.Attempts + 1 < MaxAttempts:
                var next = now + RetryDelay(delivery.Attempts + 1, result.RetryAfter);
                await store.MarkFailedAsync(delivery.DeliveryId, result.Error ?? "transient failure", next, CancellationToken.None).ConfigureAwait(false);
                LogRetrying(logger, delivery.DeliveryId, delivery.Platform, result.Error, next);
                return false;
            default:
                await store.MarkFailedAsync(delivery.DeliveryId, result.Error ?? "permanent failure", null, CancellationToken.None).ConfigureAwait(false);
                LogDead(logger, delivery.DeliveryId, delivery.Platform, result.Error);
                return false;
        }
    }

    /// <summary>Exponential backoff from 5 s, capped at 1 h, with up to 20% jitter; a longer retry-after wins.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var seconds = Math.Min(5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)), 3600) * (1 + (0.2 * Random.Shared.NextDouble()));
        var delay = TimeSpan.FromSeconds(seconds);
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Delivery} to {Platform} failed ({Error}); retrying at {Next:u}")]
    private static partial void LogRetrying(ILogger logger, long delivery, string platform, string? error, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Delivery} to {Platform} given up: {Error}")]
    private static partial void LogDead(ILogger logger, long delivery, string platform, string? error);
}
