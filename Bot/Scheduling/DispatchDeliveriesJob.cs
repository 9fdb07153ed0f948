using Quartz;
using Radar.Bot.Delivery;

namespace Radar.Bot.Scheduling;

/// <summary>Every few seconds: send outbox rows whose retry time has come.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchDeliveriesJob(DeliveryDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("dispatch-deliveries");

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
}
