using Radar.Bot.Cluster;
using Radar.Feeds.Matching;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// The compiled subscription index, rebuilt on the next match after any subscription or channel
/// change — made here or, through <see cref="ChangeSignals"/>, on another instance.
/// </summary>
public sealed class SubscriptionIndexProvider(IServiceScopeFactory scopes, ChangeSignals signals) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SubscriptionIndex? _index;

    /// <summary>Drops this instance's index (another instance announced a change).</summary>
    public void Invalidate() => _index = null;

    /// <summary>A subscription or channel changed here: drop the index here and tell the other instances.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        Invalidate();
        await signals.AnnounceAsync(ChangeSignals.Subscriptions, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();

    public async Task<SubscriptionIndex> GetAsync(CancellationToken cancellationToken)
    {
        var index = _index;
        if (index is not null)
        {
            return index;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var filters = await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().ActiveFiltersAsync(cancellationToken).ConfigureAwait(false);
                _index = new SubscriptionIndex(filters);
            }

            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }
}
