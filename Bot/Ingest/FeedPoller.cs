using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.Hosting;
using Radar.Bot.Observability;
using Radar.Bot.WebSub;
using Radar.Feeds;
using Radar.Feeds.Fetching;
using Radar.Feeds.Parsing;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// One poll round: claim the due feeds, fetch them (bounded overall and per host) → parse → hand the
/// new entries to <see cref="StoryIngest"/> (analyse, store, cluster, route, enqueue) → record the
/// feed's health and its next poll. Fetching runs in parallel; storing is serialised.
/// </summary>
public sealed partial class FeedPoller(
    IServiceScopeFactory scopes,
    IOptions<FeedsOptions> options,
    StoryIngest ingest,
    WebSubSubscriber webSub,
    IOptions<HttpOptions> http,
    RadarMetrics metrics,
    InstanceIdentity instance,
    TimeProvider time,
    ILogger<FeedPoller> logger)
{
    /// <summary>How long a claimed feed stays this instance's; past it (the instance died mid-poll) another takes it over.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    /// <summary>Most feeds one poll claims in all (the --once run claims them at once).</summary>
    public const int MaxFeedsPerPoll = 1_000;

    /// <summary>
    /// A scheduled poll claims the due feeds a few at a time (this many per fetch slot), so that
    /// instances polling together interleave their claims and share the feeds.
    /// </summary>
    public const int ClaimsPerSlot = 2;

    private int _busy;

    /// <summary>A poll of the due feeds unless one is already running in this instance (then null): for the scheduled rounds.</summary>
    public async Task<PollSummary?> PollIfIdleAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return null;
        }

        try
        {
            return await PollAsync(dueOnly: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Polls the due feeds, claimed a batch at a time until none is left (or <see cref="MaxFeedsPerPoll"/>),
    /// or every enabled feed at once when <paramref name="dueOnly"/> is false (the --once run).
    /// </summary>
    public async Task<PollSummary> PollAsync(bool dueOnly, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = dueOnly ? settings.MaxConcurrency * ClaimsPerSlot : MaxFeedsPerPoll;
        var results = new List<FeedPollResult>();
        using var throttle = new HostThrottle(settings.MaxConcurrency, settings.MaxConcurrencyPerHost);
        while (results.Count < MaxFeedsPerPoll)
        {
            IReadOnlyList<FeedToPoll> feeds;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var now = time.GetUtcNow().UtcDateTime;
                feeds = await scope.ServiceProvider.GetRequiredService<FeedStore>()
                    .ClaimDueAsync(dueOnly, instance.Id, now, now + ClaimFor, batch, cancellationToken).ConfigureAwait(false);
            }

            results.AddRange(await Task.WhenAll(feeds.Select(feed => throttle.RunAsync(feed.Url, () => PollOneAsync(feed, cancellationToken), cancellationToken))).ConfigureAwait(false));
            if (!dueOnly || feeds.Count < batch)
            {
                break;
            }
        }

        return new PollSummary(results.Count, results.Count(r => r.Failed), results.Sum(r => r.NewEntries), results.Sum(r => r.Alerts));
    }

    private async Task<FeedPollResult> PollOneAsync(FeedToPoll feed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fetcher = scope.ServiceProvider.GetRequiredService<FeedFetcher>();
        var started = time.GetTimestamp();
        var fetched = await fetcher.FetchAsync(feed.Url, feed.ETag, feed.LastModified, cancellationToken).ConfigureAwait(false);
        var fetchDuration = time.GetElapsedTime(started);
        var now = time.GetUtcNow();
        var parsed = fetched.Outcome == FetchOutcome.Content
            ? FeedParser.Parse(fetched.Body, now, feed.Language, fetched.Charset, fetched.FinalUrl ?? new Uri(feed.Url))
            : null;

        var result = await ingest.ExclusiveAsync(() => StoreAsync(scope.ServiceProvider, feed, fetched, parsed, now, cancellationToken), cancellationToken).ConfigureAwait(false);
        metrics.Polled(result.Failed ? "failed" : parsed is null ? "not_modified" : "ok", fetchDuration);
        return result;
    }

    private async Task<FeedPollResult> StoreAsync(IServiceProvider services, FeedToPoll feed, FetchResult fetched, ParsedFeed? parsed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var feeds = services.GetRequiredService<FeedStore>();
        var interval = options.Value.PollInterval;
        var error = fetched.FailureWith(parsed);
        if (error is not null)
        {
            var failures = feed.ConsecutiveFailures + 1;
            var next = now + PollSchedule.AfterFailure(interval, failures, fetched.RetryAfter, Random.Shared.NextDouble());
            if (await feeds.RecordFailureAsync(feed.Id, error, now.UtcDateTime, next.UtcDateTime, cancellationToken).ConfigureAwait(false))
            {
                LogFeedFailing(logger, feed.Name, error, next);
            }
            else
            {
                LogFeedStillFailing(logger, feed.Name, failures, next);
            }

            return new FeedPollResult(Failed: true, 0, 0);
        }

        var (newEntries, alerts) = parsed is null ? (0, 0) : await ingest.IngestAsync(services, feed, parsed.Entries, now, cancellationToken).ConfigureAwait(false);
        await DiscoverHubAsync(services, feed, parsed?.Hub ?? fetched.Hub, now, cancellationToken).ConfigureAwait(false);
        var rhythm = PollSchedule.Next(options.Value, feed.Pushed, feed.PollInterval, parsed?.Entries.Select(e => e.Published).OfType<DateTimeOffset>(), now);
        var nextPoll = now + PollSchedule.AfterSuccess(rhythm, fetched.RetryAfter);
        var recovered = await feeds.RecordSuccessAsync(feed.Id, fetched.ETag, fetched.LastModified, primed: parsed is not null, now.UtcDateTime, nextPoll.UtcDateTime, cancellationToken, rhythm).ConfigureAwait(false);
        if (recovered)
        {
            LogFeedRecovered(logger, feed.Name);
        }

        if (parsed is null)
        {
            LogFeedNotModified(logger, feed.Name);
        }
        else
        {
            LogFeedPolled(logger, feed.Name, parsed.Entries.Count, newEntries, alerts);
        }

        return new FeedPollResult(Failed: false, newEntries, alerts);
    }

    /// <summary>A hub the feed names is subscribed to when Radar has a public address for the hub to call.</summary>
    private async Task DiscoverHubAsync(IServiceProvider services, FeedToPoll feed, WebSubLinks? hub, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (hub is null || string.IsNullOrEmpty(http.Value.PublicUrl))
        {
            return;
        }

        if (await services.GetRequiredService<WebSubStore>().DiscoverAsync(feed.Id, hub.Hub.AbsoluteUri, hub.Topic.AbsoluteUri, now.UtcDateTime, cancellationToken).ConfigureAwait(false))
        {
            LogHubFound(logger, feed.Name, hub.Hub.AbsoluteUri);
            webSub.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Entries} entries, {New} new, {Alerts} alerts")]
    private static partial void LogFeedPolled(ILogger logger, string feed, int entries, int @new, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} names the WebSub hub {Hub}: subscribing")]
    private static partial void LogHubFound(ILogger logger, string feed, string hub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: not modified")]
    private static partial void LogFeedNotModified(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} is failing: {Error}; next try at {Next:u}")]
    private static partial void LogFeedFailing(ILogger logger, string feed, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Feed} still failing ({Failures} in a row); next try at {Next:u}")]
    private static partial void LogFeedStillFailing(ILogger logger, string feed, int failures, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} recovered")]
    private static partial void LogFeedRecovered(ILogger logger, string feed);
}
