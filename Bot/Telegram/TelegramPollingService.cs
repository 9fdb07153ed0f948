using System.Globalization;
using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Storage.Stores;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Radar.Bot.Telegram;

/// <summary>
/// Long polling with the offset kept in the database and moved past each update once it is handled,
/// so no update is handled twice nor skipped across restarts. Among instances sharing a database,
/// only the holder of the lease <c>telegram:polling</c> polls; another takes over, from the stored
/// offset, when its lease runs out. A 409 (another consumer of this token) or any failure is
/// reported and retried with backoff, never a crash loop.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramUpdateHandler handler,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    LeaseManager leases,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const string OffsetKey = "telegram:offset";

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.ChannelPost, UpdateType.MyChatMember];

    public const string LeaseName = "telegram:polling";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = leases.Get(LeaseName);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await lease.WhenHeldAsync(stoppingToken).ConfigureAwait(false);
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
                try
                {
                    await PollWhileHeldAsync(held.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (held.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    // the lease went to another instance: stand by until it comes back
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Polls from the stored offset until <paramref name="stoppingToken"/> (a stop, or the lease lost).</summary>
    private async Task PollWhileHeldAsync(CancellationToken stoppingToken)
    {
        var offset = await ReadOffsetAsync(stoppingToken).ConfigureAwait(false);
        LogPolling(logger, offset);
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, (int)options.Value.PollTimeout.TotalSeconds, Wanted, stoppingToken).ConfigureAwait(false);
                foreach (var update in updates)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        // An update begun is finished and its offset saved, even when a stop comes meanwhile:
                        // cancelling it half way would answer it again after the restart.
                        await handler.HandleAsync(update, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        LogUpdateFailed(logger, e, update.Id); // one bad update must not stop the others
                    }

                    offset = update.Id + 1;
                    await SaveOffsetAsync(offset, CancellationToken.None).ConfigureAwait(false);
                }

                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                LogConflict(logger, e.Message, backoff);
                backoff = await WaitAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
            {
                LogPollFailed(logger, e.Message, backoff);
                backoff = await WaitAsync(backoff, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<TimeSpan> WaitAsync(TimeSpan backoff, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
    }

    private async Task<int> ReadOffsetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var text = await scope.ServiceProvider.GetRequiredService<PlatformStateStore>().GetAsync(OffsetKey, cancellationToken).ConfigureAwait(false);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    private async Task SaveOffsetAsync(int offset, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformStateStore>()
            .SetAsync(OffsetKey, offset.ToString(CultureInfo.InvariantCulture), time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram polling from update {Offset}")]
    private static partial void LogPolling(ILogger logger, int offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {Update} could not be handled")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int update);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram says another process is reading this bot's updates ({Reason}); only one may poll a token. Retrying in {Backoff}")]
    private static partial void LogConflict(ILogger logger, string reason, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed ({Reason}); retrying in {Backoff}")]
    private static partial void LogPollFailed(ILogger logger, string reason, TimeSpan backoff);
}
