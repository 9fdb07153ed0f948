namespace Radar.Storage.Sql;

/// <summary>The transaction of a unit of work (<see cref="RadarDatabase.BeginAsync"/>): committed, or rolled back when disposed uncommitted.</summary>
public sealed class RadarTransaction(Func<CancellationToken, Task> commit, Func<ValueTask> dispose) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => commit(cancellationToken);

    public ValueTask DisposeAsync() => dispose();
}
