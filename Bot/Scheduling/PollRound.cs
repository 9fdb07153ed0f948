using Radar.Bot.Cluster;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;

namespace Radar.Bot.Scheduling;

/// <summary>
/// One tick of the poll schedule, whoever fires it (<see cref="PollTicker"/> on SQLite, Quartz's
/// cluster on PostgreSQL): announce the round (a change mark) so that every instance, on reading it
/// within a second, polls too; then poll here in case no watcher could, and deliver what is due.
/// Due feeds are claimed, so instances share them and each is fetched once per interval.
/// </summary>
public sealed class PollRound(FeedPoller poller, DeliveryDispatcher dispatcher, ChangeSignals signals, TimeProvider time)
{
    /// <summary>How often due feeds are looked for: the poll interval, but at least every 30 s and at most every 10 s.</summary>
    public static TimeSpan Tick(TimeSpan pollInterval) => TimeSpan.FromTicks(Math.Clamp(pollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks, TimeSpan.FromSeconds(30).Ticks));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await signals.AnnounceAsync(ChangeSignals.PollRound, cancellationToken).ConfigureAwait(false);

        // Every instance's watcher (this one's too) starts the round within a second of the mark; this
        // poll only covers a watcher that could not, so the instances start together and share.
        await Task.Delay(ChangeWatcher.Interval, time, cancellationToken).ConfigureAwait(false);
        await poller.PollIfIdleAsync(cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }
}
