using Quartz;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;

namespace Radar.Bot.Scheduling;

/// <summary>Every poll interval: poll the due feeds, then deliver what they brought.</summary>
[DisallowConcurrentExecution]
public sealed class PollFeedsJob(FeedPoller poller, DeliveryDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("poll-feeds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await poller.PollAsync(dueOnly: true, cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }
}
