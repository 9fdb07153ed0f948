using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.Hosting;
using Radar.Bot.Knowledge;
using Radar.Bot.Observability;
using Radar.Bot.WebSub;
using Radar.Feeds;
using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Fetching;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;
using Radar.Feeds.Summaries;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// One poll, as a short orchestration of pure steps: fetch the due feeds (bounded overall and per
/// host) → parse → store each entry once → analyse (<see cref="StoryAnalyser"/>) → cluster and route
/// (<see cref="StoryRouting"/>) → enqueue. Fetching runs in parallel; storing is serialised.
/// </summary>
public sealed partial class FeedPoller(
    IServiceScopeFactory scopes,
    IOptions<FeedsOptions> options,
    KnowledgeProvider knowledge,
    SubscriptionIndexProvider subscriptions,
    LlmSummarizer llm,
    WebSubSubscriber webSub,
    IOptions<HttpOptions> http,
    RadarMetrics metrics,
    InstanceIdentity instance,
    TimeProvider time,
    ILogger<FeedPoller> logger) : IDisposable
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

    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private readonly ClusteringWindow _window = new();
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

        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await StoreAsync(scope.ServiceProvider, feed, fetched, parsed, now, cancellationToken).ConfigureAwait(false);
            metrics.Polled(result.Failed ? "failed" : parsed is null ? "not_modified" : "ok", fetchDuration);
            return result;
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

        var (newEntries, alerts) = parsed is null ? (0, 0) : await IngestAsync(services, feed, Newest(feed, parsed.Entries), now, cancellationToken).ConfigureAwait(false);
        await DiscoverHubAsync(services, feed, parsed?.Hub ?? fetched.Hub, now, cancellationToken).ConfigureAwait(false);
        var rhythm = NextInterval(feed, parsed, now);
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

    /// <summary>The newest <see cref="FeedsOptions.MaxItemsPerFetch"/> entries by date (all of them when fewer): the work of one fetch is bounded.</summary>
    private IReadOnlyList<FeedEntry> Newest(FeedToPoll feed, IReadOnlyList<FeedEntry> entries)
    {
        var cap = options.Value.MaxItemsPerFetch;
        if (entries.Count <= cap)
        {
            return entries;
        }

        LogCut(logger, feed.Name, entries.Count, cap);
        return [.. entries.OrderByDescending(e => e.Published ?? DateTimeOffset.MinValue).Take(cap)];
    }

    /// <summary>
    /// The interval until the next poll: the long safety interval while a hub pushes the feed; else
    /// the rhythm of its entries (<see cref="PollSchedule.Adaptive"/>), or a little longer than last
    /// time when the server said nothing changed (304).
    /// </summary>
    private TimeSpan NextInterval(FeedToPoll feed, ParsedFeed? parsed, DateTimeOffset now)
    {
        var settings = options.Value;
        if (feed.Pushed)
        {
            return settings.PushedPollInterval;
        }

        return parsed is null
            ? PollSchedule.AfterUnchanged(feed.PollInterval, settings.MinPollInterval, settings.PollInterval)
            : PollSchedule.Adaptive(parsed.Entries.Select(e => e.Published).OfType<DateTimeOffset>(), now, settings.MinPollInterval, settings.PollInterval);
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

    /// <summary>
    /// Content a WebSub hub pushed for a feed: parsed and ingested exactly as polled content is.
    /// Returns the number of new entries, or null when the body is not a feed.
    /// </summary>
    public async Task<int?> IngestPushedAsync(int feedId, byte[] body, string? charset, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        var feed = await scope.ServiceProvider.GetRequiredService<FeedStore>().GetAsync(feedId, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            return null;
        }

        var parsed = FeedParser.Parse(body, now, feed.Language, charset, new Uri(feed.Url));
        if (parsed.Error is { } error)
        {
            LogPushRejected(logger, feed.Name, error.ToString());
            return null;
        }

        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (newEntries, alerts) = await IngestAsync(scope.ServiceProvider, feed, Newest(feed, parsed.Entries), now, cancellationToken).ConfigureAwait(false);
            LogPushed(logger, feed.Name, parsed.Entries.Count, newEntries, alerts);
            return newEntries;
        }
        finally
        {
            _storeGate.Release();
        }
    }

    /// <summary>
    /// A fetch's entries, oldest first, in one transaction for the feed (a stop rolls the whole
    /// batch back: nothing half-stored): analyse (and summarise) each first, outside it, then store →
    /// cluster → route → enqueue under the clustering lock.
    /// </summary>
    private async Task<(int NewEntries, int Alerts)> IngestAsync(IServiceProvider services, FeedToPoll feed, IReadOnlyList<FeedEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RadarDbContext>();
        var entryStore = services.GetRequiredService<EntryStore>();
        var stories = services.GetRequiredService<StoryStore>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var knowledgeStore = services.GetRequiredService<KnowledgeStore>();
        var analyser = knowledge.Current;
        var recent = await _window.CurrentAsync(stories, (now - StoryClusterer.Window).UtcDateTime, cancellationToken).ConfigureAwait(false);
        var index = await subscriptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var mayAlert = StoryRouting.MayAlert(feed.Primed, entries, now);
        var analysed = new List<(FeedEntry Entry, StoryAnalysis Analysis, IReadOnlyList<DeliveryTarget>? Targets, Dictionary<string, string>? Summaries)>(entries.Count);
        foreach (var entry in entries.OrderBy(e => e.Published))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analysis = analyser.Analyse(AnalysisInput.Of(entry, feed.Official));
            if (llm.Enabled && mayAlert(entry) && StoryRouting.SameAs(analysis.Signature, recent, entry.Published) is null)
            {
                // Routed here, once, for the languages the LLM summarises in; the transaction reuses it.
                var targets = Route(analyser, entry, analysis, index, now, analysis.Extraction.Tier);
                analysed.Add((entry, analysis, targets, await SummariesAsync(entryStore, feed, entry, targets, now, cancellationToken).ConfigureAwait(false)));
            }
            else
            {
                analysed.Add((entry, analysis, null, null));
            }
        }

        int added = 0, alerts = 0, learnt = 0, queued = 0;
        var created = new List<IReadOnlyList<Topic>>();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var locked = false;
            foreach (var (entry, analysis, routed, summaries) in analysed)
            {
                var record = await entryStore.AddIfNewAsync(feed.Id, entry, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    continue;
                }

                if (!locked)
                {
                    // Stories other instances made since: read under the clustering lock, held to the commit.
                    await stories.LockClusteringAsync(cancellationToken).ConfigureAwait(false);
                    recent.AddRange(await stories.RecentAsync((now - StoryClusterer.Window).UtcDateTime, cancellationToken, recent.Count == 0 ? 0 : recent.Max(s => s.Id)).ConfigureAwait(false));
                    locked = true;
                }

                added++;
                if (StoryRouting.SameAs(analysis.Signature, recent, entry.Published) is { } known)
                {
                    // Another outlet, or another language, reporting a story we have: a source, not an alert.
                    await stories.AttachAsync(record, known.Id, cancellationToken).ConfigureAwait(false);
                    var confirmedFor = mayAlert(entry) ? () => Route(analyser, entry, analysis, index, now) : (Func<IReadOnlyList<DeliveryTarget>>?)null;
                    queued += await StoryStages.JoinAsync(stories, deliveries, known.Id, analysis.Extraction, (entry.Published ?? now).UtcDateTime, now.UtcDateTime, confirmedFor, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var follows = await StoryStages.FollowsAsync(stories, analyser, analysis.Extraction, record.PublishedAt, cancellationToken).ConfigureAwait(false);
                    var story = await stories.CreateFromEntryAsync(record, feed.Name, now.UtcDateTime, cancellationToken, analysis, summaries, follows).ConfigureAwait(false);
                    recent.Add(new KnownStory(story.Id, analysis.Signature, story.PublishedAt));
                    created.Add(analysis.Extraction.Topics);
                    learnt += await knowledge.LearnAsync(knowledgeStore, story.Id, story.Link, entry.Published ?? now, analysis.Extraction, cancellationToken, entry.Title).ConfigureAwait(false);
                    if (mayAlert(entry))
                    {
                        var targets = routed ?? Route(analyser, entry, analysis, index, now, analysis.Extraction.Tier);
                        var count = await deliveries.EnqueueAsync(story.Id, targets, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
                        queued += count;
                        alerts += count > 0 ? 1 : 0;
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        metrics.NewEntries(added);
        metrics.Queued(queued);
        created.ForEach(metrics.StoryCreated);
        if (learnt > 0)
        {
            await knowledge.ChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        return (added, alerts);
    }

    /// <summary>The channels a new story goes to, with when and why (the subscription, with entity names).</summary>
    private static IReadOnlyList<DeliveryTarget> Route(StoryAnalyser analyser, FeedEntry entry, StoryAnalysis analysis, Feeds.Matching.SubscriptionIndex index, DateTimeOffset now, ClaimTier tier = ClaimTier.Confirmed) =>
        StoryRouting.Route(analyser.Facts(analysis.Extraction, entry.Title, entry.Summary), index, now, id => analyser.Knowledge.Get(id)?.Name ?? id, tier);

    /// <summary>
    /// The LLM's summaries of a new story that will alert, one per language its readers read, made
    /// once here (before the transaction, so no lock waits on the endpoint) and stored with the story:
    /// the send path only picks one. Null when no channel gets it or the entry is not new; a language
    /// the endpoint did not answer for falls back to the extractive summary.
    /// </summary>
    private async Task<Dictionary<string, string>?> SummariesAsync(EntryStore entries, FeedToPoll feed, FeedEntry entry, IReadOnlyList<DeliveryTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = targets.Select(t => t.Language).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count == 0 || !await entries.IsNewAsync(feed.Id, entry, now.UtcDateTime, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            if (await llm.SummarizeAsync(entry.Title, entry.Summary, language, cancellationToken).ConfigureAwait(false) is { } summary)
            {
                made[language] = summary;
            }
        }

        return made;
    }

    public void Dispose() => _storeGate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Entries} entries, {New} new, {Alerts} alerts")]
    private static partial void LogFeedPolled(ILogger logger, string feed, int entries, int @new, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: pushed by its hub, {Entries} entries, {New} new, {Alerts} alerts")]
    private static partial void LogPushed(ILogger logger, string feed, int entries, int @new, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: its hub pushed a body that is not a feed ({Error}); ignored")]
    private static partial void LogPushRejected(ILogger logger, string feed, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} names the WebSub hub {Hub}: subscribing")]
    private static partial void LogHubFound(ILogger logger, string feed, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} lists {Entries} entries; only the newest {Cap} are taken (Radar:Feeds:MaxItemsPerFetch)")]
    private static partial void LogCut(ILogger logger, string feed, int entries, int cap);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: not modified")]
    private static partial void LogFeedNotModified(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} is failing: {Error}; next try at {Next:u}")]
    private static partial void LogFeedFailing(ILogger logger, string feed, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Feed} still failing ({Failures} in a row); next try at {Next:u}")]
    private static partial void LogFeedStillFailing(ILogger logger, string feed, int failures, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} recovered")]
    private static partial void LogFeedRecovered(ILogger logger, string feed);
}
