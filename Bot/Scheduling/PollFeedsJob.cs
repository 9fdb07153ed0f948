using Quartz;

namespace Radar.Bot.Scheduling;

/// <summary>
/// The poll round as a Quartz job, for instances sharing a PostgreSQL database: Quartz's cluster
/// runs each firing on exactly one of them and never two at once, and recovers a dead one's work.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollFeedsJob(PollRound round) : IJob
{
    public static readonly JobKey Key = new("poll-feeds");

    public static readonly TriggerKey TriggerKey = new("poll-feeds-tick");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await round.RunAsync(cancellationToken).ConfigureAwait(false);
}
