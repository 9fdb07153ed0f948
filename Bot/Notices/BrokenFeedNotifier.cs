using System.Globalization;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Cluster;
using Radar.Bot.Commands;
using Radar.Feeds;
using Radar.Storage.Stores;

namespace Radar.Bot.Notices;

/// <summary>
/// Tells the owners (<c>Radar:Owners</c>, and the console) when a feed has failed for
/// <c>Radar:Feeds:NotifyAfter</c>, once, and once more when it works again. One instance of a
/// cluster does it (the <c>notices</c> lease). A notice is marked told when every reachable owner
/// got it or refused it for good; an owner that could not be reached for now (an outage, a 429) is
/// tried again at the next check, and the owners already told are not told twice.
/// </summary>
public sealed partial class BrokenFeedNotifier(
    IServiceScopeFactory scopes,
    IEnumerable<IChatPlatform> platforms,
    Owners owners,
    LeaseManager leases,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<BrokenFeedNotifier> logger) : BackgroundService
{
    public const string LeaseName = "notices";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Who got which notice already, while the notice is not complete: (feed, broken or recovered, platform:user).</summary>
    private readonly HashSet<(int Feed, bool Broken, string Owner)> _told = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = leases.Get(LeaseName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckEvery, time, stoppingToken).ConfigureAwait(false);
                if (lease.IsHeld)
                {
                    await NotifyAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, e); // the database may be away for a moment: the next check tries again
            }
        }
    }

    /// <summary>Sends what is due now; returns how many notices were completed.</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feeds = scope.ServiceProvider.GetRequiredService<FeedStore>();
        var now = time.GetUtcNow().UtcDateTime;
        var completed = 0;
        foreach (var feed in await feeds.BrokenUntoldAsync(now - options.Value.NotifyAfter, cancellationToken).ConfigureAwait(false))
        {
            var since = feed.LastSuccessAt is { } last ? "since " + last.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "since it was added";
            var text = $"Feed #{feed.Id} \"{feed.Name}\" is broken: {feed.ConsecutiveFailures} failed polls {since}. Last error: {feed.LastError}. {feed.Url} — Radar keeps retrying with backoff; /feeds shows its health.";
            if (await TellAsync(feed.Id, broken: true, text, cancellationToken).ConfigureAwait(false))
            {
                await feeds.SetBrokenNoticeAsync(feed.Id, now, cancellationToken).ConfigureAwait(false);
                completed++;
            }
        }

        foreach (var feed in await feeds.RecoveredUntoldAsync(cancellationToken).ConfigureAwait(false))
        {
            // A feed that left the list is not news; one that works again is.
            if (!feed.Enabled || await TellAsync(feed.Id, broken: false, $"Feed #{feed.Id} \"{feed.Name}\" works again. {feed.Url}", cancellationToken).ConfigureAwait(false))
            {
                await feeds.SetBrokenNoticeAsync(feed.Id, null, cancellationToken).ConfigureAwait(false);
                completed++;
            }
        }

        return completed;
    }

    private async Task<bool> TellAsync(int feed, bool broken, string text, CancellationToken cancellationToken)
    {
        var complete = true;
        foreach (var (platform, user) in owners.Reachable)
        {
            var owner = platform + ":" + user;
            if (_told.Contains((feed, broken, owner)) || !_platforms.TryGetValue(platform, out var chat))
            {
                continue; // told already, or a platform this instance does not run
            }

            SendResult result;
            try
            {
                result = await chat.NotifyUserAsync(user, text, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                result = SendResult.Permanent(e.Message); // "telegram:alice": not a user id the platform can write to
            }

            if (result.Status == SendStatus.Transient)
            {
                LogOwnerUnreachable(logger, platform, result.Error);
                complete = false;
                continue;
            }

            if (result.Status == SendStatus.Permanent)
            {
                LogOwnerRefused(logger, platform, result.Error); // never started a chat with the bot, or blocked it
            }

            _told.Add((feed, broken, owner));
        }

        if (complete)
        {
            _told.RemoveWhere(t => t.Feed == feed && t.Broken == broken);
        }

        return complete;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for broken feeds failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An owner on {Platform} could not be told about a feed for now ({Error}); trying again at the next check")]
    private static partial void LogOwnerUnreachable(ILogger logger, string platform, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An owner on {Platform} cannot be written to ({Error}): they must start a private chat with the bot first")]
    private static partial void LogOwnerRefused(ILogger logger, string platform, string? error);
}
