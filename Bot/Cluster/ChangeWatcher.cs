using Radar.Bot.Delivery;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;

namespace Radar.Bot.Cluster;

/// <summary>
/// Every <see cref="Interval"/>: reads the change marks and, when one moved, drops the subscription
/// index (rebuilt at the next match), reloads the knowledge, or joins the poll round that began on
/// another instance. So a <c>/subscribe</c> answered by any instance matches stories on all of them
/// within about a second, and every instance takes its share of the due feeds.
/// </summary>
public sealed partial class ChangeWatcher(
    ChangeSignals signals,
    SubscriptionIndexProvider subscriptions,
    KnowledgeProvider knowledge,
    FeedPoller poller,
    DeliveryDispatcher dispatcher,
    TimeProvider time,
    ILogger<ChangeWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (string? Subscriptions, string? Knowledge, string? PollRound)? seen = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = await signals.ReadAsync(stoppingToken).ConfigureAwait(false);
                if (seen is { } before)
                {
                    // A change this instance made was applied here when it was made; the knowledge is not rebuilt twice.
                    if (now.Subscriptions != before.Subscriptions && !signals.IsOwn(ChangeSignals.Subscriptions, now.Subscriptions))
                    {
                        subscriptions.Invalidate();
                    }

                    if (now.Knowledge != before.Knowledge && !signals.IsOwn(ChangeSignals.Knowledge, now.Knowledge))
                    {
                        await knowledge.RefreshAsync(stoppingToken).ConfigureAwait(false);
                    }

                    if (now.PollRound != before.PollRound)
                    {
                        _ = PollAsync(stoppingToken); // in the background: the marks keep being read meanwhile
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

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await poller.PollIfIdleAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll round failed ({Reason}); the next one tries again")]
    private static partial void LogPollFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change marks ({Reason}); trying again shortly")]
    private static partial void LogFailed(ILogger logger, string reason);
}
