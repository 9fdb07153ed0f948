using Radar.Bot.Chat;
using Radar.Storage.Stores;

namespace Radar.Bot.Delivery;

/// <summary>
/// Sends due outbox rows through their platform and records each outcome, then edits living alerts
/// whose story gained sources. One dispatch runs at a time, whoever calls it, so a row is never sent
/// by two callers at once. A platform exception counts as a transient failure: the row is retried
/// with backoff, never dropped. A permanent failure deactivates the channel (its subscriptions stay;
/// a later /subscribe there reactivates it).
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

    /// <summary>A living alert is edited at most this often.</summary>
    public static readonly TimeSpan EditInterval = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Sends everything due now and applies due edits; returns how many alerts were sent.</summary>
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
                foreach (var delivery in due)
                {
                    sent += await SendOneAsync(scope.ServiceProvider, delivery, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }

                if (due.Count < BatchSize)
                {
                    break;
                }
            }

            await EditDueAsync(cancellationToken).ConfigureAwait(false);
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> SendOneAsync(IServiceProvider services, DueDelivery delivery, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<DeliveryStore>();
        var sources = await SourcesAsync(services, delivery, cancellationToken).ConfigureAwait(false);
        var result = await TryAsync(
            async () => await _platforms[delivery.Platform].SendAlertAsync(await composer.ComposeAsync(delivery, sources, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
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
            case SendStatus.Permanent:
                await store.MarkFailedAsync(delivery.DeliveryId, result.Error ?? "permanent failure", null, CancellationToken.None).ConfigureAwait(false);
                if (await services.GetRequiredService<ChannelStore>().DeactivateAsync(delivery.ChannelId, result.Error ?? "permanent failure", CancellationToken.None).ConfigureAwait(false))
                {
                    // The operators (Radar:Owners) read this in the logs; the subscriptions are kept.
                    LogChannelDeactivated(logger, delivery.Platform, delivery.ExternalId, result.Error);
                }

                return false;
            default:
                await store.MarkFailedAsync(delivery.DeliveryId, result.Error ?? "gave up", null, CancellationToken.None).ConfigureAwait(false);
                LogDead(logger, delivery.DeliveryId, delivery.Platform, result.Error);
                return false;
        }
    }

    private async Task EditDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
        var edits = await store.EditsDueAsync(time.GetUtcNow().UtcDateTime, BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var edit in edits.Where(e => _platforms.ContainsKey(e.Platform)))
        {
            var sources = await SourcesAsync(scope.ServiceProvider, edit, cancellationToken).ConfigureAwait(false);
            var result = await TryAsync(
                async () => await _platforms[edit.Platform].EditAlertAsync(edit.MessageId!, await composer.ComposeAsync(edit, sources, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            DateTime? retry = result.Status == SendStatus.Transient ? now + RetryDelay(1, result.RetryAfter) : null;
            await store.MarkEditedAsync(edit.DeliveryId, now, retry, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<AlertSource>> SourcesAsync(IServiceProvider services, DueDelivery delivery, CancellationToken cancellationToken) =>
        [.. (await services.GetRequiredService<StoryStore>().SourcesAsync(delivery.StoryId, cancellationToken).ConfigureAwait(false)).Select(s => new AlertSource(s.Feed, s.Link))];

    private static async Task<SendResult> TryAsync(Func<Task<SendResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"{e.GetType().Name}: {e.Message}");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Platform}/{Channel} deactivated: {Reason}. Its subscriptions are kept; /subscribe there reactivates it.")]
    private static partial void LogChannelDeactivated(ILogger logger, string platform, string channel, string? reason);
}
