namespace Radar.Bot.Scheduling;

/// <summary>
/// The poll schedule of a single instance (SQLite): a <see cref="PollRound"/> at start and then every
/// tick, never two at once; a tick that comes while a round still runs is skipped. Instances sharing
/// PostgreSQL use Quartz's cluster instead (<see cref="PollFeedsJob"/>), which a lone instance does
/// not need and which would cost it the scheduler's memory.
/// </summary>
public sealed partial class PollTicker(PollRound round, TimeSpan tick, TimeProvider time, ILogger<PollTicker> logger) : BackgroundService
{
    /// <summary>The health check's name: healthy while the ticker runs.</summary>
    public const string CheckName = "scheduler";

    /// <summary>True from the start of the first round until the ticker stops.</summary>
    public bool Running => ExecuteTask is { IsCompleted: false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            try
            {
                await round.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.Message); // the next tick tries again, as Quartz would
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The poll round failed: {Error}; the next tick tries again")]
    private static partial void LogFailed(ILogger logger, string error);
}
