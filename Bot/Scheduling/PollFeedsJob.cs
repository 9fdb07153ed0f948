using Quartz;
using Radar.Bot.Cluster;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;

namespace Radar.Bot.Scheduling;

/// <summary>
/// Every tick: start a poll round. With several instances, Quartz's cluster runs each firing on
/// exactly one of them and never two at once; the firing announces the round (a change mark) and
/// every instance, on reading it within a second, polls too. Due feeds are claimed, so the instances
/// share them and each is fetched once per interval, whichever instance Quartz chose.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollFeedsJob(FeedPoller poller, DeliveryDispatcher dispatcher, ChangeSignals signals, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("poll-feeds");

    public static readonly TriggerKey TriggerKey = new("poll-feeds-tick");

    /// <summary>How often due feeds are looked for: the poll interval, but at least every 30 s and at most every 10 s.</summary>
    public static TimeSpan Tick(TimeSpan pollInterval) => TimeSpan.FromTicks(Math.Clamp(pollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks, TimeSpan.FromSeconds(30).Ticks));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await signals.AnnounceAsync(ChangeSignals.PollRound, cancellationToken).ConfigureAwait(false);

        // Every instance's watcher (this one's too) starts the round within a second of the mark; this
        // poll only covers a watcher that could not, so the instances start together and share.
        await Task.Delay(ChangeWatcher.Interval, time, cancellationToken).ConfigureAwait(false);
        await poller.PollIfIdleAsync(cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }
}
