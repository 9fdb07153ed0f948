using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Cluster;
using Radar.Bot.Observability;
using Radar.Storage.Stores;

namespace Radar.Bot.Delivery;

/// <summary>
/// Sends due outbox rows through their platform and records each outcome, then edits living alerts
/// whose story gained sources. Among instances sharing a database, one dispatches each platform: the
/// holder of the lease <c>deliver:&lt;platform&gt;</c>, so that the platform's rate limits, kept in
/// that process, hold for the whole bot. Rows are claimed before they are sent and an outcome is
/// written only while the claim holds, so a row is never sent by two instances, and the rows of an
/// instance that died are taken over when its claims run out. In one process one dispatch runs at a
/// time. A platform exception counts as a transient failure: the row is retried with backoff, never
/// dropped. A permanent failure deactivates the channel (its subscriptions stay; a later /subscribe
/// there reactivates it).
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChatPlatform> platforms,
    AlertComposer composer,
    PlatformRateLimiter limiter,
    IOptions<DeliveryOptions> options,
    LeaseManager leases,
    InstanceIdentity instance,
    RadarMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : IDisposable
{
    /// <summary>
    /// How long claimed rows stay this instance's: each pass claims again (and so extends) what it
    /// works on, and rows it does not get to in a run are released at its end. After an instance dies
    /// its rows wait at most this long for the instance that takes its lease over.
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    /// <summary>Rows claimed per platform and pass: about what Telegram takes in seven seconds.</summary>
    public const int ClaimBatch = 200;

    public const int BatchSize = 1_000;

    /// <summary>When only rate-limited chats are left, how often and how long to wait for their tokens before leaving them to the next run.</summary>
    public const int IdlePasses = 8;

    public static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(250);

    /// <summary>After this many attempts a transient failure is given up as dead.</summary>
    public const int MaxAttempts = 12;

    /// <summary>A living alert is edited at most this often.</summary>
    public static readonly TimeSpan EditInterval = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _maxInFlight = options.Value.MaxInFlight;
    private int _warmSends;

    /// <summary>
    /// Sends this process makes one at a time before it overlaps them: the first requests pay for
    /// compilation and new connections, and overlapped they would reach the platform in a bunch
    /// (more in one second than the pace allows, though started at the pace).
    /// </summary>
    public const int WarmUpSends = 10;
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, Lease> _leases = platforms.ToDictionary(p => p.Name, p => leases.Get(LeaseName(p.Name)), StringComparer.Ordinal);

    public static string LeaseName(string platform) => "deliver:" + platform;

    /// <summary>Sends everything due now and applies due edits; returns how many alerts were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = 0;
            try
            {
                sent = await DispatchHeldAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryStore>().ReleaseClaimsAsync(instance.Id, CancellationToken.None).ConfigureAwait(false);
            }

            await EditDueAsync(cancellationToken).ConfigureAwait(false);
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    /// <summary>The platforms whose lease this instance holds now; one just taken over starts with its second counted full.</summary>
    private List<string> Held()
    {
        foreach (var (platform, lease) in _leases)
        {
            if (!lease.IsHeld)
            {
                _held.Remove(platform);
            }
            else if (_held.Add(platform))
            {
                limiter.TakingOver(platform);
            }
        }

        return [.. _held];
    }

    private async Task<int> DispatchHeldAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var idle = 0; idle <= IdlePasses && !cancellationToken.IsCancellationRequested;)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
            var now = time.GetUtcNow().UtcDateTime;
            var due = new List<DueDelivery>();
            foreach (var platform in Held())
            {
                due.AddRange(await store.ClaimDueAsync(platform, instance.Id, now, now + ClaimFor, ClaimBatch, cancellationToken).ConfigureAwait(false));
            }

            if (due.Count == 0)
            {
                break;
            }

            var (progress, waiting) = await PassAsync(scope.ServiceProvider, due, now + ClaimFor, cancellationToken).ConfigureAwait(false);
            sent += progress;
            if (progress > 0)
            {
                idle = 0;
            }
            else if (waiting == 0 || ++idle > IdlePasses)
            {
                break; // everything left waits for a later time, or for its chat's limit; the next run picks it up
            }
            else
            {
                await Task.Delay(IdleWait, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    /// <summary>
    /// One pass over the due rows: sends overlap across chats, at most
    /// <see cref="DeliveryOptions.MaxInFlight"/> at once and one per chat (so a chat's order holds),
    /// each when its chat's limit allows and at the platform's overall pace; a chat whose limit is not
    /// ready is left for a later pass while the others go on. This loop is the only user of the
    /// database during the pass: the sources are read before it, and the outcomes of the sends that
    /// finished together are written in one transaction. Returns rows sent and rows left waiting.
    /// </summary>
    private async Task<(int Sent, int Waiting)> PassAsync(IServiceProvider services, List<DueDelivery> due, DateTime claimedUntil, CancellationToken cancellationToken)
    {
        var sources = await SourcesAsync(services, due, cancellationToken).ConfigureAwait(false);
        var queues = due.GroupBy(d => d.ChannelId)
            .Select(g => new Queue<IReadOnlyList<DueDelivery>>(g.Where(d => !d.Digest).Select(d => (IReadOnlyList<DueDelivery>)[d]).Concat(g.Any(d => d.Digest) ? [[.. g.Where(d => d.Digest)]] : [])))
            .ToList();
        var inFlight = new Dictionary<Task<SendOutcome>, long>();
        int sent = 0, waiting = 0;
        while (true)
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                var rows = queue.Peek();
                if (inFlight.Count >= (Volatile.Read(ref _warmSends) < WarmUpSends ? 1 : _maxInFlight) || inFlight.ContainsValue(rows[0].ChannelId))
                {
                    continue;
                }

                if (!limiter.TryTakeChannel(rows[0].Platform, rows[0].ChannelId))
                {
                    waiting += queue.Sum(r => r.Count);
                    queue.Clear();
                    continue;
                }

                queue.Dequeue();
                inFlight.Add(SendAsync(rows, sources, claimedUntil, cancellationToken), rows[0].ChannelId);
            }

            if (inFlight.Count == 0)
            {
                return (sent, waiting);
            }

            await Task.WhenAny(inFlight.Keys).ConfigureAwait(false);
            var finished = inFlight.Keys.Where(t => t.IsCompleted).ToList();
            finished.ForEach(t => inFlight.Remove(t));
            if (finished.Find(t => !t.IsCompletedSuccessfully) is { } stopped)
            {
                // Stopping: let the other sends end, record every one that went, then stop.
                await Task.WhenAll(inFlight.Keys).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                finished.AddRange(inFlight.Keys);
                await RecordAsync(services, [.. finished.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)]).ConfigureAwait(false);
                await stopped.ConfigureAwait(false);
            }

            sent += await RecordAsync(services, [.. finished.Select(t => t.Result)]).ConfigureAwait(false);
        }
    }

    /// <summary>What one send did, to be recorded with the others that finished with it.</summary>
    private sealed record SendOutcome(IReadOnlyList<DueDelivery> Rows, SendResult? Result);

    /// <summary>
    /// Sends one alert, or one digest for several rows of a channel. Nothing is sent once the claim
    /// has run out or the platform's lease is lost (a process paused past them): another instance may
    /// have the rows by then (the outcome is then null: nothing to record). Touches no database.
    /// </summary>
    private async Task<SendOutcome> SendAsync(IReadOnlyList<DueDelivery> rows, IReadOnlyDictionary<long, IReadOnlyList<AlertSource>> sources, DateTime claimedUntil, CancellationToken cancellationToken)
    {
        var first = rows[0];
        try
        {
            if (time.GetUtcNow().UtcDateTime >= claimedUntil || !_leases[first.Platform].IsHeld)
            {
                LogClaimLost(logger, first.DeliveryId, first.Platform);
                return new SendOutcome(rows, null);
            }

            return new SendOutcome(rows, await TryAsync(
                async () =>
                {
                    var alert = rows.Count == 1 && !first.Digest
                        ? composer.Compose(first, sources.GetValueOrDefault(first.StoryId, []))
                        : composer.ComposeDigest(rows, time.GetUtcNow());
                    await limiter.WaitGlobalAsync(first.Platform, cancellationToken).ConfigureAwait(false); // the chat's turn was taken by the pass
                    var result = await _platforms[first.Platform].SendAlertAsync(alert, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _warmSends);
                    return result;
                },
                cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            limiter.Finished(first.Platform, first.ChannelId); // the chat's turn ends when its message went
        }
    }

    /// <summary>Writes the outcomes of sends that finished together, in one transaction; returns the rows sent.</summary>
    private async Task<int> RecordAsync(IServiceProvider services, IReadOnlyList<SendOutcome> outcomes)
    {
        var db = services.GetRequiredService<Radar.Storage.Sql.RadarDatabase>();
        var store = services.GetRequiredService<DeliveryStore>();
        var now = time.GetUtcNow().UtcDateTime;
        var sent = 0;
        var deactivate = new List<(DueDelivery Row, string? Error)>();
        var transaction = await db.BeginAsync(CancellationToken.None).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var (rows, result) in outcomes.Where(o => o.Result is not null).Select(o => (o.Rows, o.Result!)))
            {
                var first = rows[0];
                var attempts = rows.Max(r => r.Attempts) + 1;
                var next = result.Status == SendStatus.Transient && attempts < MaxAttempts ? now + RetryDelay(attempts, result.RetryAfter) : (DateTime?)null;
                foreach (var row in rows)
                {
                    var recorded = result.Status == SendStatus.Sent
                        ? await store.MarkSentAsync(row.DeliveryId, instance.Id, result.MessageId, now, CancellationToken.None).ConfigureAwait(false)
                        : await store.MarkFailedAsync(row.DeliveryId, instance.Id, result.Error ?? result.Status.ToString(), next, now, CancellationToken.None).ConfigureAwait(false);
                    if (!recorded)
                    {
                        LogClaimLost(logger, row.DeliveryId, row.Platform);
                    }
                }

                metrics.Sent(first.Platform, result.Status.ToString().ToLowerInvariant(), rows.Count, rateLimited: result.Status == SendStatus.Transient && result.RetryAfter is not null);
                switch (result.Status)
                {
                    case SendStatus.Sent:
                        sent += rows.Count;
                        foreach (var row in rows.Where(r => !r.Digest))
                        {
                            metrics.Delivered(row.Platform, now - row.PublishedAt);
                        }

                        break;
                    case SendStatus.Transient when next is not null:
                        LogRetrying(logger, first.DeliveryId, first.Platform, result.Error, next.Value);
                        break;
                    case SendStatus.Permanent:
                        deactivate.Add((first, result.Error));
                        break;
                    default:
                        LogDead(logger, first.DeliveryId, first.Platform, result.Error);
                        break;
                }
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var (row, error) in deactivate)
        {
            if (await services.GetRequiredService<ChannelStore>().DeactivateAsync(row.ChannelId, error ?? "permanent failure", CancellationToken.None).ConfigureAwait(false))
            {
                // The operators (Radar:Owners) read this in the logs; the subscriptions are kept.
                LogChannelDeactivated(logger, row.Platform, row.ExternalId, error);
            }
        }

        return sent;
    }

    private async Task EditDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
        var edits = await store.EditsDueAsync(time.GetUtcNow().UtcDateTime, BatchSize, cancellationToken).ConfigureAwait(false);
        var held = Held();
        var mine = edits.Where(e => held.Contains(e.Platform)).ToList();
        var sources = await SourcesAsync(scope.ServiceProvider, mine, cancellationToken).ConfigureAwait(false);
        foreach (var edit in mine)
        {
            var result = await TryAsync(
                async () =>
                {
                    var alert = composer.Compose(edit, sources.GetValueOrDefault(edit.StoryId, []));
                    await limiter.WaitAsync(edit.Platform, edit.ChannelId, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await _platforms[edit.Platform].EditAlertAsync(edit.MessageId!, alert, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        limiter.Finished(edit.Platform, edit.ChannelId);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            DateTime? retry = result.Status == SendStatus.Transient ? now + RetryDelay(1, result.RetryAfter) : null;
            await store.MarkEditedAsync(edit.DeliveryId, now, retry, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Every report of the rows' stories, in one query, by story.</summary>
    private static async Task<IReadOnlyDictionary<long, IReadOnlyList<AlertSource>>> SourcesAsync(IServiceProvider services, IEnumerable<DueDelivery> rows, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<StoryStore>().SourcesAsync([.. rows.Select(r => r.StoryId).Distinct()], cancellationToken).ConfigureAwait(false))
        .ToDictionary(s => s.Key, s => (IReadOnlyList<AlertSource>)[.. s.Value.Select(x => new AlertSource(x.Feed, x.Link))]);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Delivery} to {Platform}: this instance's claim ran out before its outcome was recorded; the instance that holds the row now decides")]
    private static partial void LogClaimLost(ILogger logger, long delivery, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Delivery} to {Platform} failed ({Error}); retrying at {Next:u}")]
    private static partial void LogRetrying(ILogger logger, long delivery, string platform, string? error, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Delivery} to {Platform} given up: {Error}")]
    private static partial void LogDead(ILogger logger, long delivery, string platform, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Platform}/{Channel} deactivated: {Reason}. Its subscriptions are kept; /subscribe there reactivates it.")]
    private static partial void LogChannelDeactivated(ILogger logger, string platform, string channel, string? reason);
}
