using System.Collections.Concurrent;

namespace Radar.Feeds.Fetching;

/// <summary>Bounds concurrent fetches overall and per host, so a poll never hammers one site.</summary>
public sealed class HostThrottle(int maxConcurrency, int maxPerHost) : IDisposable
{
    private readonly SemaphoreSlim _overall = new(maxConcurrency, maxConcurrency);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="work"/> once a slot for <paramref name="url"/>'s host and an overall slot are free.</summary>
    public async Task<T> RunAsync<T>(string url, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
        var hostGate = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(maxPerHost, maxPerHost));
        await hostGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _overall.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                _overall.Release();
            }
        }
        finally
        {
            hostGate.Release();
        }
    }

    public void Dispose()
    {
        _overall.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }
}
