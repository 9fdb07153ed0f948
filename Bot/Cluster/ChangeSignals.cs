using Radar.Storage.Stores;

namespace Radar.Bot.Cluster;

/// <summary>
/// Tells the other instances that something they keep in memory changed — the subscriptions (their
/// compiled index) or the knowledge (their matcher) — or that a poll round began. A change writes a
/// new mark under the topic's key; <see cref="ChangeWatcher"/> on every instance reads the marks every
/// second and acts on what moved.
/// </summary>
public sealed class ChangeSignals(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Subscriptions = "changed:subscriptions";

    public const string Knowledge = "changed:knowledge";

    public const string PollRound = "changed:poll";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public async Task AnnounceAsync(string key, CancellationToken cancellationToken)
    {
        var mark = Guid.NewGuid().ToString("N");
        _written[key] = mark;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformStateStore>()
            .SetAsync(key, mark, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether this instance wrote the mark: it has already acted on that change.</summary>
    public bool IsOwn(string key, string? mark) => mark is not null && _written.TryGetValue(key, out var own) && own == mark;

    /// <summary>The current mark of each topic (null when nothing was ever announced).</summary>
    public async Task<(string? Subscriptions, string? Knowledge, string? PollRound)> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PlatformStateStore>();
        return (
            await store.GetAsync(Subscriptions, cancellationToken).ConfigureAwait(false),
            await store.GetAsync(Knowledge, cancellationToken).ConfigureAwait(false),
            await store.GetAsync(PollRound, cancellationToken).ConfigureAwait(false));
    }
}
