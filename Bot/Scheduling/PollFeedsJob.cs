using Quartz;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;

namespace Radar.Bot.Scheduling;

/// <summary>
/// Every tick: poll the feeds that are due (each has its own next poll time) and deliver what they
/// brought. With several instances, Quartz's cluster runs each firing on one of them; a poll that
/// outlasts its tick goes on while the next firing, on another instance, claims the feeds still due —
/// feeds are claimed, so polls may overlap and a feed is still fetched once per interval.
/// </summary>
public sealed class PollFeedsJob(FeedPoller poller, DeliveryDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("poll-feeds");

    public static readonly TriggerKey TriggerKey = new("poll-feeds-tick");

    /// <summary>How often due feeds are looked for: the poll interval, but at least every 30 s and at most every 10 s.</summary>
    public static TimeSpan Tick(TimeSpan pollInterval) => TimeSpan.FromTicks(Math.Clamp(pollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks, TimeSpan.FromSeconds(30).Ticks));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await poller.PollAsync(dueOnly: true, cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }
}
