using Microsoft.Extensions.Options;
using Radar.Storage;

namespace Radar.Bot.Hosting;

/// <summary>Holds the SQLite single-instance lock for the life of the host.</summary>
public sealed class InstanceLockHolder(IOptions<StorageOptions> options) : IHostedService, IDisposable
{
    private SqliteInstanceLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            try
            {
                _lock = SqliteInstanceLock.Acquire(options.Value.ConnectionString);
            }
            catch (DatabaseInUseException e)
            {
                throw new StartupException(e.Message, ExitCodes.DatabaseInUse);
            }
            catch (DatabaseNotWritableException e)
            {
                throw new StartupException(e.Message, ExitCodes.DatabaseNotWritable);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
