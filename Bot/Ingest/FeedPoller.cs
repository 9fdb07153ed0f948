using System.Text.Json;
using Microsoft.Extensions.Options;
using Radar.Bot.Delivery;
using Radar.Bot.Knowledge;
using Radar.Feeds;
using Radar.Feeds.Clustering;
using Radar.Feeds.Fetching;
using Radar.Feeds.Matching;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// One poll: fetches the due feeds (bounded overall and per host), parses them, stores each entry
/// once and queues an alert for each new one. Fetching runs in parallel; storing is serialised.
/// </summary>
public sealed partial class FeedPoller(
    IServiceScopeFactory scopes,
    IOptions<FeedsOptions> options,
    KnowledgeProvider knowledge,
    SubscriptionIndexProvider subscriptions,
    TimeProvider time,
    ILogger<FeedPoller> logger) : IDisposable
{
    /// <summary>On a feed's first fetch, only entries this recent alert (at most <see cref="FirstFetchAlerts"/>).</summary>
    public static readonly TimeSpan FirstFetchWindow = TimeSpan.FromHours(24);

    public const int FirstFetchAlerts = 5;

    /// <summary>Names stay readable in the stored analysis (no \u escapes), so stories can be found by name.</summary>
    private static readonly JsonSerializerOptions AnalysisJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SemaphoreSlim _storeGate = new(1, 1);

    /// <summary>Polls the due feeds, or every enabled feed when <paramref name="dueOnly"/> is false (the --once run).</summary>
    public async Task<PollSummary> PollAsync(bool dueOnly, CancellationToken cancellationToken)
    {
        IReadOnlyList<FeedToPoll> feeds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<FeedStore>();
            feeds = await store.DueAsync(dueOnly ? time.GetUtcNow().UtcDateTime : null, cancellationToken).ConfigureAwait(false);
        }

        var settings = options.Value;
        using var throttle = new HostThrottle(settings.MaxConcurrency, settings.MaxConcurrencyPerHost);
        var results = await Task.WhenAll(feeds.Select(feed => throttle.RunAsync(feed.Url, () => PollOneAsync(feed, cancellationToken), cancellationToken))).ConfigureAwait(false);
        return new PollSummary(results.Length, results.Count(r => r.Failed), results.Sum(r => r.NewEntries), results.Sum(r => r.Alerts));
    }

    private async Task<FeedPollResult> PollOneAsync(FeedToPoll feed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fetcher = scope.ServiceProvider.GetRequiredService<FeedFetcher>();
        var fetched = await fetcher.FetchAsync(feed.Url, feed.ETag, feed.LastModified, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var parsed = fetched.Outcome == FetchOutcome.Content
            ? FeedParser.Parse(fetched.Body, now, feed.Language, fetched.Charset, fetched.FinalUrl ?? new Uri(feed.Url))
            : null;

        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StoreAsync(scope.ServiceProvider, feed, fetched, parsed, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _storeGate.Release();
        }
    }

    private async Task<FeedPollResult> StoreAsync(IServiceProvider services, FeedToPoll feed, FetchResult fetched, ParsedFeed? parsed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var feeds = services.GetRequiredService<FeedStore>();
        var interval = options.Value.PollInterval;
        var error = fetched.Outcome == FetchOutcome.Failed ? fetched.ToString() : parsed?.Error is { } parseError ? "parse: " + parseError : null;
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

        var (newEntries, alerts) = parsed is null ? (0, 0) : await IngestAsync(services, feed, parsed.Entries, now, cancellationToken).ConfigureAwait(false);
        var nextPoll = now + PollSchedule.AfterSuccess(interval, fetched.RetryAfter);
        var recovered = await feeds.RecordSuccessAsync(feed.Id, fetched.ETag, fetched.LastModified, primed: parsed is not null, now.UtcDateTime, nextPoll.UtcDateTime, cancellationToken).ConfigureAwait(false);
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

    private async Task<(int NewEntries, int Alerts)> IngestAsync(IServiceProvider services, FeedToPoll feed, IReadOnlyList<FeedEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RadarDbContext>();
        var entryStore = services.GetRequiredService<EntryStore>();
        var stories = services.GetRequiredService<StoryStore>();
        var deliveries = services.GetRequiredService<DeliveryStore>();

        // A feed's first batch: only the few most recent alert; the rest is remembered silently.
        var alerting = feed.Primed
            ? null
            : entries.Where(e => e.Published >= now - FirstFetchWindow).OrderByDescending(e => e.Published).Take(FirstFetchAlerts).ToHashSet();

        var knowledgeStore = services.GetRequiredService<KnowledgeStore>();
        var runtime = knowledge.Current;
        var recent = await stories.RecentAsync((now - StoryClusterer.Window).UtcDateTime, cancellationToken).ConfigureAwait(false);
        var index = await subscriptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var learnt = 0;
        int added = 0, alerts = 0;
        foreach (var entry in entries.OrderBy(e => e.Published))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var record = await entryStore.AddIfNewAsync(feed.Id, entry, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    continue;
                }

                added++;
                var extraction = runtime.Extractor.Extract(entry.Title, entry.Summary, entry.Language);
                var signature = runtime.Clusterer.Sign(entry.Link, entry.Title, extraction);
                var known = recent.FirstOrDefault(c => StoryClusterer.SameStory(signature, new StorySignature(c.Link, (ulong)c.TitleHash, c.TitleKey, c.EventKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries))));
                if (known is not null)
                {
                    // Another outlet, or another language, reporting a story we have: a source, not an alert.
                    await stories.AttachAsync(record, known.Id, cancellationToken).ConfigureAwait(false);
                    await deliveries.ScheduleEditsAsync(known.Id, now.UtcDateTime, DeliveryDispatcher.EditInterval, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var understanding = new StoryUnderstanding(
                    string.Join(',', extraction.Topics), JsonSerializer.Serialize(extraction, AnalysisJson), (long)signature.TitleHash, signature.TitleKey,
                    string.Join('\n', signature.EventKeys), entry.Summary);
                var story = await stories.CreateFromEntryAsync(record, feed.Name, now.UtcDateTime, cancellationToken, understanding).ConfigureAwait(false);
                recent.Add(new StoryCandidate(story.Id, story.Link, story.TitleHash, story.TitleKey, story.EventKeys));
                learnt += await knowledge.LearnAsync(knowledgeStore, story.Id, story.Link, entry.Published ?? now, extraction, cancellationToken).ConfigureAwait(false);
                if (alerting is null || alerting.Contains(entry))
                {
                    var targets = index.Match(runtime.Facts(extraction, entry.Title, entry.Summary)).Select(s =>
                    {
                        var (due, digest) = DeliverySchedule.When(s, now);
                        return new DeliveryTarget(s.ChannelId, s.Describe(id => runtime.Knowledge.Get(id)?.Name ?? id), due.UtcDateTime, digest);
                    });
                    alerts += await deliveries.EnqueueAsync(story.Id, targets, now.UtcDateTime, cancellationToken).ConfigureAwait(false) > 0 ? 1 : 0;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (learnt > 0)
        {
            await knowledge.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return (added, alerts);
    }

    public void Dispose() => _storeGate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Entries} entries, {New} new, {Alerts} alerts")]
    private static partial void LogFeedPolled(ILogger logger, string feed, int entries, int @new, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: not modified")]
    private static partial void LogFeedNotModified(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} is failing: {Error}; next try at {Next:u}")]
    private static partial void LogFeedFailing(ILogger logger, string feed, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Feed} still failing ({Failures} in a row); next try at {Next:u}")]
    private static partial void LogFeedStillFailing(ILogger logger, string feed, int failures, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} recovered")]
    private static partial void LogFeedRecovered(ILogger logger, string feed);
}
