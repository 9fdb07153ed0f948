using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;

namespace Radar.Bot.Cluster;

/// <summary>
/// Every <see cref="Interval"/>: reads the change marks and, when another instance moved one, drops
/// the subscription index (rebuilt at the next match) or reloads the knowledge. So a <c>/subscribe</c>
/// answered by any instance matches stories on all of them within about a second.
/// </summary>
public sealed partial class ChangeWatcher(ChangeSignals signals, SubscriptionIndexProvider subscriptions, KnowledgeProvider knowledge, TimeProvider time, ILogger<ChangeWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (string? Subscriptions, string? Knowledge)? seen = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = await signals.ReadAsync(stoppingToken).ConfigureAwait(false);
                if (seen is { } before)
                {
                    if (now.Subscriptions != before.Subscriptions)
                    {
                        subscriptions.Invalidate();
                    }

                    if (now.Knowledge != before.Knowledge)
                    {
                        await knowledge.RefreshAsync(stoppingToken).ConfigureAwait(false);
                    }
                }

                seen = now;
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(Interval * 5, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change marks ({Reason}); trying again shortly")]
    private static partial void LogFailed(ILogger logger, string reason);
}
