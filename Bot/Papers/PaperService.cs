using Radar.Bot.Cluster;

namespace Radar.Bot.Papers;

/// <summary>Runs the paper trail's rounds every minute on the one instance holding the <c>papers</c> lease; a round only reads what is due.</summary>
public sealed partial class PaperService(PaperPoller poller, LeaseManager leases, TimeProvider time, ILogger<PaperService> logger) : BackgroundService
{
    public const string LeaseName = "papers";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!poller.Enabled)
        {
            return;
        }

        var lease = leases.Get(LeaseName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lease.IsHeld)
                {
                    await poller.PollAsync(force: false, stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(CheckEvery, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e); // the database may be away for a moment: the next round tries again
                await Task.Delay(CheckEvery, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A paper round failed; the next one tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
