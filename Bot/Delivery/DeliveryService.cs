namespace Radar.Bot.Delivery;

/// <summary>
/// Every <see cref="Interval"/>: send what is due (alerts from any instance's polls, retries whose
/// time has come, digests) on the platforms whose lease this instance holds. A failure (the database
/// unreachable) is logged and the next round tries again.
/// </summary>
public sealed partial class DeliveryService(DeliveryDispatcher dispatcher, IServiceScopeFactory scopes, Observability.RadarMetrics metrics, TimeProvider time, ILogger<DeliveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchAsync(stoppingToken).ConfigureAwait(false);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    metrics.OutboxDepth(await scope.ServiceProvider.GetRequiredService<Storage.Stores.DeliveryStore>().WaitingAsync(stoppingToken).ConfigureAwait(false));
                }

                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery round failed ({Reason}); trying again shortly")]
    private static partial void LogFailed(ILogger logger, string reason);
}
