using System.Collections.Concurrent;
using Radar.Storage.Stores;

namespace Radar.Bot.Cluster;

/// <summary>
/// Takes and renews the leases this instance wants (the work only one instance may do at a time:
/// long-polling Telegram, a Discord gateway shard, dispatching a platform's alerts). Every
/// <see cref="RenewEvery"/> it renews what it holds and tries what it lacks; a lease runs for
/// <see cref="Duration"/>, so a dead holder's work is taken over within about 20 s. On a clean stop
/// it gives its leases up at once.
/// </summary>
public sealed partial class LeaseManager(IServiceScopeFactory scopes, InstanceIdentity instance, TimeProvider time, ILogger<LeaseManager> logger) : BackgroundService
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>The lease of that name; asking for it is what makes this instance compete for it (from the next round, which a new name starts at once).</summary>
    public Lease Get(string name)
    {
        if (_leases.TryGetValue(name, out var known))
        {
            return known;
        }

        var lease = _leases.GetOrAdd(name, n => new Lease(n, time));
        _wake.Release();
        return lease;
    }

    /// <summary>The leases this instance holds now, for <c>/healthz</c>.</summary>
    public IReadOnlyList<string> Held => [.. _leases.Values.Where(l => l.IsHeld).Select(l => l.Name).Order(StringComparer.Ordinal)];

    /// <summary>The first round runs before the host goes on, so that the leases asked for so far are held (or not) once it has started.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _wake.WaitAsync(RenewEvery, stoppingToken).ConfigureAwait(false);
                while (_wake.CurrentCount > 0)
                {
                    await _wake.WaitAsync(stoppingToken).ConfigureAwait(false); // one round serves every wake-up so far
                }

                await RenewAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: renew what is held, try what is wanted. A database failure counts as not holding.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var lease in _leases.Values)
        {
            var now = time.GetUtcNow();
            bool held;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                held = await scope.ServiceProvider.GetRequiredService<LeaseStore>()
                    .TryAcquireAsync(lease.Name, instance.Id, now.UtcDateTime, (now + Duration).UtcDateTime, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRenewFailed(logger, lease.Name, e.Message);
                held = false;
            }

            if (lease.Update(held, now + Duration))
            {
                if (held)
                {
                    LogTaken(logger, lease.Name);
                }
                else
                {
                    LogLost(logger, lease.Name);
                }
            }
        }
    }

    /// <summary>Gives every held lease up now (a clean stop), so that a standby takes over at its next round.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        foreach (var lease in _leases.Values.Where(l => l.IsHeld))
        {
            lease.Update(held: false, time.GetUtcNow());
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LeaseStore>().ReleaseAsync(lease.Name, instance.Id, cancellationToken).ConfigureAwait(false);
                LogReleased(logger, lease.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(logger, lease.Name, e.Message); // it runs out by itself
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await ReleaseAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        foreach (var lease in _leases.Values)
        {
            lease.Dispose();
        }

        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} taken: this instance does that work now")]
    private static partial void LogTaken(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} lost: another instance does that work now")]
    private static partial void LogLost(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} given up")]
    private static partial void LogReleased(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} could not be renewed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string lease, string reason);
}
