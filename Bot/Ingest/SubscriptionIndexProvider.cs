using Radar.Feeds.Matching;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>The compiled subscription index, rebuilt on the next match after any subscription or channel change.</summary>
public sealed class SubscriptionIndexProvider(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SubscriptionIndex? _index;

    public void Invalidate() => _index = null;

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
