namespace Radar.Bot.Cluster;

/// <summary>
/// One named lease as this instance sees it. <see cref="IsHeld"/> also checks the time, so a process
/// that was paused past its lease stops acting as the holder before it learns it lost it;
/// <see cref="Token"/> is cancelled when a holding period ends.
/// </summary>
public sealed class Lease(string name, TimeProvider time) : IDisposable
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _period = new();
    private DateTimeOffset _until;

    public string Name => name;

    public bool IsHeld
    {
        get
        {
            lock (_lock)
            {
                return _held.Task.IsCompleted && time.GetUtcNow() < _until;
            }
        }
    }

    /// <summary>Cancelled when the current holding period ends (lost, given up, or never held).</summary>
    public CancellationToken Token
    {
        get
        {
            lock (_lock)
            {
                return _period.Token;
            }
        }
    }

    /// <summary>Completes when this instance holds the lease.</summary>
    public Task WhenHeldAsync(CancellationToken cancellationToken)
    {
        Task held;
        lock (_lock)
        {
            held = _held.Task;
        }

        return held.WaitAsync(cancellationToken);
    }

    /// <summary>Records the outcome of a take-or-renew; returns true when the lease changed hands (for the log).</summary>
    internal bool Update(bool held, DateTimeOffset until)
    {
        lock (_lock)
        {
            var was = _held.Task.IsCompleted;
            if (held)
            {
                _until = until;
                if (!was)
                {
                    _period.Dispose();
                    _period = new CancellationTokenSource();
                    _held.TrySetResult();
                }
            }
            else if (was)
            {
                _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _period.Cancel();
            }

            return was != held;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _period.Dispose();
        }
    }
}
