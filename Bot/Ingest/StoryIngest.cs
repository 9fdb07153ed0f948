using Microsoft.Extensions.Options;
using Radar.Bot.Knowledge;
using Radar.Bot.Observability;
using Radar.Feeds;
using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Matching;
using Radar.Feeds.Model;
using Radar.Feeds.Papers;
using Radar.Feeds.Parsing;
using Radar.Feeds.Summaries;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// The one way into stories and the outbox, for polled and pushed feeds and for papers: analyse
/// (the pure stage), then store → cluster → route → enqueue in one transaction, one batch at a time
/// (<see cref="ExclusiveAsync{T}"/>), and learn what the news and papers taught.
/// </summary>
public sealed partial class StoryIngest(
    IServiceScopeFactory scopes,
    KnowledgeProvider knowledge,
    SubscriptionIndexProvider subscriptions,
    LlmSummarizer llm,
    RadarMetrics metrics,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<StoryIngest> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ClusteringWindow _window = new();

    /// <summary>Runs <paramref name="work"/> alone: stores write, and clustering decides, one batch at a time in this instance.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A fetch's entries, oldest first, in one transaction for the feed (a stop rolls the whole
    /// batch back: nothing half-stored): analyse (and summarise) each first, outside it, then store →
    /// cluster → route → enqueue under the clustering lock. Call it inside <see cref="ExclusiveAsync{T}"/>.
    /// </summary>
    public async Task<(int NewEntries, int Alerts)> IngestAsync(IServiceProvider services, FeedToPoll feed, IReadOnlyList<FeedEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(entries);
        entries = Newest(feed, entries);
        var db = services.GetRequiredService<Radar.Storage.Sql.RadarDatabase>();
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
                var targets = Route(analyser, entry.Title, entry.Summary, analysis, index, now, analysis.Extraction.Tier);
                analysed.Add((entry, analysis, targets, await SummariesAsync(entryStore, feed, entry, targets, now, cancellationToken).ConfigureAwait(false)));
            }
            else
            {
                analysed.Add((entry, analysis, null, null));
            }
        }

        int added = 0, alerts = 0, learnt = 0, queued = 0;
        var created = new List<IReadOnlyList<Topic>>();
        var transaction = await db.BeginAsync(cancellationToken).ConfigureAwait(false);
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
                var known = StoryRouting.SameAs(analysis.Signature, recent, entry.Published);
                var firstSeenOnPaper = known is null
                    ? await StoryStages.FirstSeenOnPaperAsync(stories, analyser, analysis, record.PublishedAt, cancellationToken).ConfigureAwait(false)
                    : (await stories.TierAsync(known.Id, cancellationToken).ConfigureAwait(false)).Tier == ClaimTier.Inferred ? known.Id : null;
                IReadOnlyList<DeliveryTarget> Targets() => routed ?? Route(analyser, entry.Title, entry.Summary, analysis, index, now, analysis.Extraction.Tier);
                if (firstSeenOnPaper is { } paperStory)
                {
                    // The news reports a move first seen on a paper: its report leads the story now; the alerts sent are edited at once, and the channels that wait for news get it.
                    await stories.PromoteAsync(paperStory, record, feed.Name, analysis, summaries, cancellationToken).ConfigureAwait(false);
                    await deliveries.ScheduleEditsAsync(paperStory, now.UtcDateTime, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                    recent.Add(new KnownStory(paperStory, analysis.Signature, record.PublishedAt));
                    learnt += await knowledge.LearnAsync(knowledgeStore, paperStory, record.Link, entry.Published ?? now, analysis.Extraction, cancellationToken, entry.Title).ConfigureAwait(false);
                    var count = mayAlert(entry) ? await deliveries.EnqueueAsync(paperStory, Targets(), now.UtcDateTime, cancellationToken).ConfigureAwait(false) : 0;
                    (queued, alerts) = (queued + count, alerts + (count > 0 ? 1 : 0));
                }
                else if (known is not null)
                {
                    // Another outlet, or another language, reporting a story we have: a source, not an alert.
                    await stories.AttachAsync(record, known.Id, cancellationToken).ConfigureAwait(false);
                    var confirmedFor = mayAlert(entry) ? () => Route(analyser, entry.Title, entry.Summary, analysis, index, now) : (Func<IReadOnlyList<DeliveryTarget>>?)null;
                    queued += await StoryStages.JoinAsync(stories, deliveries, known.Id, analysis.Extraction, (entry.Published ?? now).UtcDateTime, now.UtcDateTime, confirmedFor, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var follows = await StoryStages.FollowsAsync(stories, analyser, analysis.Extraction, record.PublishedAt, cancellationToken).ConfigureAwait(false);
                    var story = await stories.CreateFromEntryAsync(record, feed.Name, now.UtcDateTime, cancellationToken, analysis, summaries, follows).ConfigureAwait(false);
                    recent.Add(new KnownStory(story.Id, analysis.Signature, story.PublishedAt));
                    created.Add(analysis.Extraction.Topics);
                    learnt += await knowledge.LearnAsync(knowledgeStore, story.Id, story.Link, entry.Published ?? now, analysis.Extraction, cancellationToken, entry.Title).ConfigureAwait(false);
                    var count = mayAlert(entry) ? await deliveries.EnqueueAsync(story.Id, Targets(), now.UtcDateTime, cancellationToken).ConfigureAwait(false) : 0;
                    (queued, alerts) = (queued + count, alerts + (count > 0 ? 1 : 0));
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

    /// <summary>
    /// What a looked-up paper taught, in one transaction: the organisations it introduced, the paper in
    /// its recognised authors' trails, and a story for each inferred move that the news has not told
    /// already (routed to the subscriptions that want papers). Returns how many alerts were queued.
    /// Call it inside <see cref="ExclusiveAsync{T}"/>; the caller reloads the knowledge once its
    /// batch of papers is done (a move a batch repeats is caught as the same story).
    /// </summary>
    public async Task<int> IngestPaperAsync(IServiceProvider services, PaperReading reading, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(reading);
        var db = services.GetRequiredService<Radar.Storage.Sql.RadarDatabase>();
        var stories = services.GetRequiredService<StoryStore>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var analyser = knowledge.Current;
        var index = await subscriptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var published = DateTime.TryParseExact(reading.Work.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : now.UtcDateTime;
        var queued = 0;
        var transaction = await db.BeginAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await services.GetRequiredService<PaperStore>().CompleteAsync(reading, services.GetRequiredService<KnowledgeStore>(), now.UtcDateTime, cancellationToken).ConfigureAwait(false);
            foreach (var move in reading.Moves)
            {
                var analysis = analyser.FromPaper(move);
                await stories.LockClusteringAsync(cancellationToken).ConfigureAwait(false);
                var recent = await _window.CurrentAsync(stories, (now - StoryClusterer.Window).UtcDateTime, cancellationToken).ConfigureAwait(false);
                if (StoryRouting.SameAs(analysis.Signature, recent, published) is not null)
                {
                    continue; // the news told it first: the paper adds to the trail, not to the alerts
                }

                var story = await stories.CreateFromPaperAsync(analysis, move, published, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
                queued += await deliveries.EnqueueAsync(story.Id, Route(analyser, story.Title, story.Summary, analysis, index, now, ClaimTier.Inferred), now.UtcDateTime, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        metrics.Queued(queued);
        return queued;
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

        var (newEntries, alerts) = await ExclusiveAsync(() => IngestAsync(scope.ServiceProvider, feed, parsed.Entries, now, cancellationToken), cancellationToken).ConfigureAwait(false);
        LogPushed(logger, feed.Name, parsed.Entries.Count, newEntries, alerts);
        return newEntries;
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

    /// <summary>The channels a new story goes to, with when and why (the subscription, with entity names).</summary>
    private static IReadOnlyList<DeliveryTarget> Route(StoryAnalyser analyser, string title, string? summary, StoryAnalysis analysis, SubscriptionIndex index, DateTimeOffset now, ClaimTier tier = ClaimTier.Confirmed) =>
        StoryRouting.Route(analyser.Facts(analysis.Extraction, title, summary), index, now, id => analyser.Knowledge.Get(id)?.Name ?? id, tier);

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

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: pushed by its hub, {Entries} entries, {New} new, {Alerts} alerts")]
    private static partial void LogPushed(ILogger logger, string feed, int entries, int @new, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: its hub pushed a body that is not a feed ({Error}); ignored")]
    private static partial void LogPushRejected(ILogger logger, string feed, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} lists {Entries} entries; only the newest {Cap} are taken (Radar:Feeds:MaxItemsPerFetch)")]
    private static partial void LogCut(ILogger logger, string feed, int entries, int cap);
}
