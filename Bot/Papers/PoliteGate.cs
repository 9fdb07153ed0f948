namespace Radar.Bot.Papers;

/// <summary>One request at a time to a host, at least <c>delay</c> apart (and later still when it asked for a pause: 429's Retry-After).</summary>
public sealed class PoliteGate(Func<TimeSpan> delay, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Runs <paramref name="request"/> when the gate's turn comes.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await request().ConfigureAwait(false);
            }
            finally
            {
                var next = time.GetUtcNow() + delay();
                _next = next > _next ? next : _next;
            }
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>No request before <paramref name="until"/> (the host asked for a pause).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _next)
        {
            _next = until;
        }
    }

    /// <summary>When the next request may go.</summary>
    public DateTimeOffset Next => _next;

    public void Dispose() => _one.Dispose();
}
