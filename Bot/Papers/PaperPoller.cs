using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;
using Radar.Feeds.Fetching;
using Radar.Feeds.Papers;
using Radar.Feeds.Parsing;
using Radar.Storage.Stores;

namespace Radar.Bot.Papers;

/// <summary>
/// One round of the live paper trail: read the arXiv listings that are due (conditional GET, one
/// request every <see cref="PapersOptions.ArxivDelay"/>), store the papers not seen before, then look
/// up the papers due on OpenAlex (one at a time, <see cref="PapersOptions.OpenAlexDelay"/> apart) and
/// hand what each taught to <see cref="StoryIngest"/>. A work OpenAlex has not indexed yet (404) is
/// tried again a day later, and given up a week after it was listed; a 429 pauses the look-ups for
/// as long as it asks. Requests go through <see cref="FeedFetcher"/>: the same address guard, size
/// cap and timeout as feeds.
/// </summary>
public sealed partial class PaperPoller(
    IServiceScopeFactory scopes,
    IOptions<PapersOptions> options,
    KnowledgeProvider knowledge,
    StoryIngest ingest,
    TimeProvider time,
    ILogger<PaperPoller> logger) : IDisposable
{
    /// <summary>A work OpenAlex does not know yet is looked up again after this.</summary>
    public static readonly TimeSpan RetryMissingAfter = TimeSpan.FromDays(1);

    /// <summary>A paper still not readable this long after it was listed is given up.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(7);

    private readonly PoliteGate _arxiv = new(() => options.Value.ArxivDelay, time);
    private readonly PoliteGate _openAlex = new(() => options.Value.OpenAlexDelay, time);

    public bool Enabled => options.Value.Listings().Count > 0;

    /// <summary>Reads the listings that are due (all of them when <paramref name="force"/>: the --once run) and looks up the papers that are due.</summary>
    public async Task PollAsync(bool force, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var listed = 0;
        foreach (var url in options.Value.Listings())
        {
            listed += await ReadListingAsync(url, force, cancellationToken).ConfigureAwait(false);
        }

        var (lookedUp, read, alerts) = await LookUpDueAsync(cancellationToken).ConfigureAwait(false);
        if (listed + lookedUp > 0)
        {
            // Counted only for a round that did something: most rounds (every minute) find nothing due.
            await using var scope = scopes.CreateAsyncScope();
            var waiting = (await scope.ServiceProvider.GetRequiredService<PaperStore>().CountsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(Storage.Entities.PaperState.Pending);
            LogRound(logger, listed, lookedUp, read, alerts, waiting);
        }
    }

    private async Task<int> ReadListingAsync(string url, bool force, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<PlatformStateStore>();
        var key = StateKey(url);
        var now = time.GetUtcNow();
        var last = await state.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<ListingState>(json) : null;
        if (!force && last is not null && last.NextPollAt > now)
        {
            return 0;
        }

        var fetcher = scope.ServiceProvider.GetRequiredService<FeedFetcher>();
        var fetched = await _arxiv.RunAsync(() => fetcher.FetchAsync(url, last?.ETag, last?.LastModified, cancellationToken), cancellationToken).ConfigureAwait(false);
        now = time.GetUtcNow();
        var interval = options.Value.PollInterval;
        var parsed = fetched.Outcome == FetchOutcome.Content ? FeedParser.Parse(fetched.Body, now, "en", fetched.Charset, fetched.FinalUrl ?? new Uri(url)) : null;
        var error = fetched.FailureWith(parsed);
        if (error is not null)
        {
            var failures = (last?.Failures ?? 0) + 1;
            var next = now + PollSchedule.AfterFailure(interval, failures, fetched.RetryAfter, Random.Shared.NextDouble());
            await SaveAsync(state, key, new ListingState(last?.ETag, last?.LastModified, next, failures), now, cancellationToken).ConfigureAwait(false);
            LogListingFailed(logger, url, error, next);
            return 0;
        }

        var added = 0;
        if (parsed is not null)
        {
            var items = ArxivListing.Read(parsed.Entries);
            added = await scope.ServiceProvider.GetRequiredService<PaperStore>().AddListedAsync(items, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
            LogListing(logger, url, items.Count, added);
        }

        var nextPoll = now + PollSchedule.AfterSuccess(interval, fetched.RetryAfter);
        await SaveAsync(state, key, new ListingState(fetched.ETag ?? last?.ETag, fetched.LastModified ?? last?.LastModified, nextPoll, 0), now, cancellationToken).ConfigureAwait(false);
        return added;
    }

    private async Task<(int LookedUp, int Read, int Alerts)> LookUpDueAsync(CancellationToken cancellationToken)
    {
        int lookedUp = 0, read = 0, alerts = 0, learnt = 0;
        if (_openAlex.Next > time.GetUtcNow().AddSeconds(5))
        {
            return (0, 0, 0); // OpenAlex asked for a pause (429): the papers wait
        }

        await using var scope = scopes.CreateAsyncScope();
        var papers = scope.ServiceProvider.GetRequiredService<PaperStore>();
        var fetcher = scope.ServiceProvider.GetRequiredService<FeedFetcher>();
        foreach (var paper in await papers.DueAsync(time.GetUtcNow().UtcDateTime, options.Value.MaxLookupsPerRound, cancellationToken).ConfigureAwait(false))
        {
            var fetched = await _openAlex.RunAsync(() => fetcher.FetchAsync(WorkUrl(paper.ArxivId), null, null, cancellationToken), cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            lookedUp++;
            var (work, error) = fetched.Outcome == FetchOutcome.Content ? Read(fetched.Body, paper.ArxivId, paper.AnnouncedAt) : (null, null);
            if (work is not null)
            {
                var reading = PaperReader.Read(work, knowledge.Current.Knowledge);
                await using var ingestScope = scopes.CreateAsyncScope();
                alerts += await ingest.ExclusiveAsync(() => ingest.IngestPaperAsync(ingestScope.ServiceProvider, reading, now, cancellationToken), cancellationToken).ConfigureAwait(false);
                read++;
                learnt += reading.NewOrganisations.Count + reading.Authors.Count(a => a.Appears);
                foreach (var move in reading.Moves)
                {
                    LogInferred(logger, move.Title);
                }

                continue;
            }

            if (fetched.Status == 429)
            {
                var resume = now + (fetched.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : TimeSpan.FromMinutes(1));
                _openAlex.PauseUntil(resume);
                await papers.PostponeAsync(paper.ArxivId, resume.UtcDateTime, "HTTP 429: OpenAlex asked to wait", now.UtcDateTime, cancellationToken).ConfigureAwait(false);
                LogPaused(logger, resume);
                break;
            }

            var why = fetched.Status == 404 ? "not indexed by OpenAlex yet" : fetched.Outcome == FetchOutcome.Content ? error! : fetched.ToString();
            var retry = fetched.Status == 404 ? RetryMissingAfter : TimeSpan.FromHours(Math.Min(24, 1 << Math.Min(paper.Lookups, 5)));
            var giveUp = now + retry > new DateTimeOffset(paper.ListedAt, TimeSpan.Zero) + GiveUpAfter;
            await papers.PostponeAsync(paper.ArxivId, giveUp ? null : (now + retry).UtcDateTime, why, now.UtcDateTime, cancellationToken).ConfigureAwait(false);
            LogPostponed(logger, paper.ArxivId, why, giveUp);
        }

        if (learnt > 0)
        {
            await knowledge.ChangedAsync(cancellationToken).ConfigureAwait(false); // once for the batch: a rebuild per paper would cost more than the papers
        }

        return (lookedUp, read, alerts);
    }

    /// <summary>The work in an OpenAlex answer, or why the answer is not one.</summary>
    private static (PaperWork? Work, string? Error) Read(byte[] body, string arxivId, DateTime announced)
    {
        try
        {
            return (OpenAlexWork.Parse(body, arxivId, announced.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), null);
        }
        catch (FormatException e)
        {
            return (null, "OpenAlex answered something else than a work: " + e.Message);
        }
    }

    /// <summary>The OpenAlex work of an arXiv paper, by its arXiv DOI; the key, when set, rides along (and is never logged).</summary>
    private string WorkUrl(string arxivId)
    {
        var settings = options.Value;
        var url = $"{settings.OpenAlexUrl.TrimEnd('/')}/works/doi:10.48550/arXiv.{arxivId}";
        return string.IsNullOrEmpty(settings.OpenAlexKey) ? url : url + "?api_key=" + Uri.EscapeDataString(settings.OpenAlexKey);
    }

    private static string StateKey(string url) => "papers:listing:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];

    private static Task SaveAsync(PlatformStateStore state, string key, ListingState value, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.SetAsync(key, JsonSerializer.Serialize(value), now.UtcDateTime, cancellationToken);

    public void Dispose()
    {
        _arxiv.Dispose();
        _openAlex.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Papers: {Listed} newly listed, {LookedUp} looked up on OpenAlex, {Read} read, {Alerts} alerts queued, {Waiting} waiting")]
    private static partial void LogRound(ILogger logger, int listed, int lookedUp, int read, int alerts, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper listing {Url}: {Items} papers, {New} new")]
    private static partial void LogListing(ILogger logger, string url, int items, int @new);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper listing {Url} failed: {Error}; next try at {Next:u}")]
    private static partial void LogListingFailed(ILogger logger, string url, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inferred from a paper: {Move}")]
    private static partial void LogInferred(ILogger logger, string move);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAlex asked to wait (429): look-ups resume at {Resume:u}")]
    private static partial void LogPaused(ILogger logger, DateTimeOffset resume);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper arXiv:{Id}: {Why}; {Outcome}")]
    private static partial void LogPostponedCore(ILogger logger, string id, string why, string outcome);

    private static void LogPostponed(ILogger logger, string id, string why, bool gaveUp) => LogPostponedCore(logger, id, why, gaveUp ? "given up" : "tried again later");
}
