using System.Diagnostics;

namespace Radar.Bot.Delivery;

/// <summary>
/// At most <c>limit</c> events in any one-second window, counted when each event starts. The token
/// bucket beside it keeps the average pace; this keeps the count in every second under the platform's
/// ceiling when sends bunch up (a slow answer, then a quick one), which a pace alone does not.
/// </summary>
public sealed class SlidingWindow(int limit) : IDisposable
{
    private readonly Queue<long> _starts = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                while (_starts.Count > 0 && Stopwatch.GetElapsedTime(_starts.Peek(), now) >= TimeSpan.FromSeconds(1))
                {
                    _starts.Dequeue();
                }

                if (_starts.Count < limit)
                {
                    _starts.Enqueue(now);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(_starts.Peek(), now), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts the window as full from now: what another process sent in the last second is not known here.</summary>
    public void Fill()
    {
        _gate.Wait();
        try
        {
            _starts.Clear();
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < limit; i++)
            {
                _starts.Enqueue(now);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
