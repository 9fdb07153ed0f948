using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Papers;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Stories: created from new entries, read by <c>/latest</c>.</summary>
public sealed class StoryStore(RadarDbContext db)
{
    /// <summary>Makes the entry the first source of a new story, with what the analysis understood of it.</summary>
    /// <param name="entry">The entry that is the story's first source.</param>
    /// <param name="source">The feed's name.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="analysis">What the analysis understood, or null.</param>
    /// <param name="summaries">Summaries in readers' languages made for it (an LLM's), beside the analysis's extractive one.</param>
    /// <param name="follows">The earlier story it follows, if any (see <c>StoryThreads</c>).</param>
    public async Task<StoryRecord> CreateFromEntryAsync(EntryRecord entry, string source, DateTime now, CancellationToken cancellationToken, StoryAnalysis? analysis = null, IReadOnlyDictionary<string, string>? summaries = null, long? follows = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var story = new StoryRecord
        {
            Title = entry.Title,
            Link = entry.Link,
            Summary = entry.Summary,
            Language = entry.Language,
            Source = source,
            PublishedAt = entry.PublishedAt,
            CreatedAt = now,
            FollowsStoryId = follows,
        };
        if (analysis is not null)
        {
            Understood(story, analysis, summaries);
        }

        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        entry.StoryId = story.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return story;
    }

    /// <summary>
    /// A move read from a paper as a story of its own: tier inferred, the paper as its link and
    /// source, dated by the paper; the news of the same move later joins it (<see cref="PromoteAsync"/>).
    /// </summary>
    public async Task<StoryRecord> CreateFromPaperAsync(StoryAnalysis analysis, PaperMove move, DateTime published, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(move);
        var story = new StoryRecord
        {
            Title = move.Title.Length > 500 ? move.Title[..500] : move.Title,
            Link = analysis.Signature.Link,
            Summary = analysis.Summary,
            Language = analysis.Language,
            Source = PaperSource,
            PublishedAt = published,
            CreatedAt = now,
            PaperId = move.ArxivId,
            PaperAt = published,
        };
        Understood(story, analysis, null); // tier inferred: FromPaper's
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return story;
    }

    /// <summary>How a story first seen on a paper names its source: the paper's, and the affiliations' (OpenAlex asks for the credit).</summary>
    public const string PaperSource = "arXiv (affiliations: OpenAlex)";

    /// <summary>
    /// The news reports a move first seen on a paper: the report becomes the story's headline, link,
    /// summary and tier (the paper stays, as where it was seen first), and the entry one of its sources.
    /// </summary>
    public async Task PromoteAsync(long storyId, EntryRecord entry, string source, StoryAnalysis analysis, IReadOnlyDictionary<string, string>? summaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(analysis);
        var story = await db.Stories.SingleAsync(s => s.Id == storyId, cancellationToken).ConfigureAwait(false);
        story.Title = entry.Title;
        story.Link = entry.Link;
        story.Summary = entry.Summary;
        story.Language = entry.Language;
        story.Source = source;
        story.PublishedAt = entry.PublishedAt;
        var paperKeys = story.EventKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Understood(story, analysis, summaries);
        story.EventKeys = string.Join('\n', analysis.Signature.EventKeys.Union(paperKeys, StringComparer.Ordinal)); // the paper's keys too: its move stays findable
        story.TierChangedAt = null;
        entry.StoryId = story.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(story).State = EntityState.Detached;
    }

    /// <summary>What the analysis of a story's leading report says, written on the story: summaries, topics, the extraction, the signature's title and event keys, the tier.</summary>
    private static void Understood(StoryRecord story, StoryAnalysis analysis, IReadOnlyDictionary<string, string>? summaries)
    {
        story.Summaries = StorySummaries.Write(analysis.Summary, summaries);
        story.Topics = TopicText.Join(analysis.Extraction.Topics);
        story.Analysis = AnalysisJson.Write(analysis.Extraction);
        story.TitleHash = (long)analysis.Signature.TitleHash;
        story.TitleKey = analysis.Signature.TitleKey;
        story.EventKeys = string.Join('\n', analysis.Signature.EventKeys);
        story.Tier = analysis.Extraction.Tier;
        story.TierBy = analysis.Extraction.ConfirmedBy;
    }

    /// <summary>The advisory lock that makes one instance at a time decide "new story or another source" on PostgreSQL: "story" in ASCII.</summary>
    public const long ClusteringLock = 0x73746F7279;

    /// <summary>
    /// Within the current transaction, waits for the other instances' clustering decisions to be
    /// committed, so that two reports of one event polled by two instances at once become one story.
    /// (On SQLite one process writes, and its poller already decides one entry at a time.)
    /// </summary>
    public async Task LockClusteringAsync(CancellationToken cancellationToken)
    {
        if (db.OnPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ClusteringLock})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stories created since <paramref name="since"/> with an id above <paramref name="afterId"/>, for the clusterer.</summary>
    public async Task<List<KnownStory>> RecentAsync(DateTime since, CancellationToken cancellationToken, long afterId = 0) =>
        (await db.Stories.AsNoTracking().Where(s => s.CreatedAt >= since && s.Id > afterId)
            .Select(s => new { s.Id, s.Link, s.TitleHash, s.TitleKey, s.EventKeys, s.PublishedAt, s.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .ConvertAll(s => new KnownStory(s.Id, new StorySignature(s.Link, (ulong)s.TitleHash, s.TitleKey, s.EventKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries)), s.PublishedAt) { Created = s.CreatedAt });

    /// <summary>A story's tier now, and who set it.</summary>
    public async Task<(ClaimTier Tier, string? By)> TierAsync(long storyId, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == storyId).Select(s => new { s.Tier, s.TierBy }).SingleAsync(cancellationToken).ConfigureAwait(false);
        return (story.Tier, story.TierBy);
    }

    /// <summary>Moves a story to a new tier (a confirmation or a denial joined it), as of <paramref name="at"/>, the news time of the report that moved it.</summary>
    public Task SetTierAsync(long storyId, ClaimTier tier, string? by, DateTime at, CancellationToken cancellationToken) =>
        db.Stories.Where(s => s.Id == storyId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.Tier, tier).SetProperty(x => x.TierBy, by).SetProperty(x => x.TierChangedAt, at), cancellationToken);

    /// <summary>
    /// Stories published between <paramref name="since"/> and <paramref name="until"/> whose event keys begin with one of
    /// <paramref name="keyPrefixes"/> (the same person or model), newest first: the stories a new one
    /// may follow.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, ClaimTier Tier, Extraction? Analysis)>> ThreadCandidatesAsync(IReadOnlyList<string> keyPrefixes, DateTime since, DateTime until, CancellationToken cancellationToken, bool inferredOnly = false)
    {
        ArgumentNullException.ThrowIfNull(keyPrefixes);
        var found = new Dictionary<long, (long Id, ClaimTier Tier, Extraction? Analysis)>();
        foreach (var prefix in keyPrefixes)
        {
            // Keys are stored one per line: a prefix at the start of the text or of a line.
            var rows = await db.Stories.AsNoTracking()
                .Where(s => s.PublishedAt >= since && s.PublishedAt <= until && (s.EventKeys.StartsWith(prefix) || s.EventKeys.Contains("\n" + prefix)))
                .Where(s => !inferredOnly || s.Tier == ClaimTier.Inferred)
                .OrderByDescending(s => s.PublishedAt).Take(20)
                .Select(s => new { s.Id, s.Tier, s.Analysis })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                found.TryAdd(row.Id, (row.Id, row.Tier, AnalysisJson.Read(row.Analysis)));
            }
        }

        return [.. found.Values.OrderByDescending(c => c.Id)];
    }

    /// <summary>Longest chain of earlier stories a thread shows.</summary>
    public const int MaxThread = 5;

    /// <summary>For each story that follows another, the stories before it in its thread, the earliest first (at most <see cref="MaxThread"/>).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<StoryLink>>> ThreadsAsync(IReadOnlyCollection<StoryRecord> stories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var threads = new Dictionary<long, IReadOnlyList<StoryLink>>();
        foreach (var story in stories.Where(s => s.FollowsStoryId is not null))
        {
            var chain = new List<StoryLink>();
            var next = story.FollowsStoryId;
            while (next is { } id && chain.Count < MaxThread && chain.All(c => c.Id != id))
            {
                var earlier = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Title, s.PublishedAt, s.FollowsStoryId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (earlier is null)
                {
                    break;
                }

                chain.Insert(0, new StoryLink(earlier.Id, earlier.Title, earlier.PublishedAt));
                next = earlier.FollowsStoryId;
            }

            threads[story.Id] = chain;
        }

        return threads;
    }

    /// <summary>Adds the entry to an existing story as one more source; it does not alert again.</summary>
    public async Task AttachAsync(EntryRecord entry, long storyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.StoryId = storyId;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every report of each story, first one first, in one query: which feed, which link.</summary>
    public async Task<IReadOnlyDictionary<long, List<(string Feed, string? Link)>>> SourcesAsync(IReadOnlyCollection<long> storyIds, CancellationToken cancellationToken) =>
        (await db.Entries.AsNoTracking().Where(e => e.StoryId != null && storyIds.Contains(e.StoryId.Value))
            .Join(db.Feeds, e => e.FeedId, f => f.Id, (e, f) => new { e.Id, StoryId = e.StoryId!.Value, f.Name, e.Link })
            .OrderBy(x => x.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        .GroupBy(x => x.StoryId).ToDictionary(g => g.Key, g => g.Select(x => (x.Name, x.Link)).ToList());

    /// <summary>
    /// The most recent stories, optionally only those on a topic (<paramref name="onTopic"/>: on any
    /// topic Radar alerts on) and naming an entity (by canonical name).
    /// </summary>
    /// <param name="count">How many at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="topic">Only stories on this topic.</param>
    /// <param name="onTopic">Only stories on a topic Radar alerts on.</param>
    /// <param name="name">Only stories that name this entity (canonical name).</param>
    /// <param name="language">Only stories in this language.</param>
    /// <param name="alsoNamed">More entities the stories must all name.</param>
    public async Task<IReadOnlyList<StoryRecord>> LatestAsync(int count, CancellationToken cancellationToken, Topic? topic = null, bool onTopic = false, string? name = null, string? language = null, IReadOnlyCollection<string>? alsoNamed = null)
    {
        var query = db.Stories.AsNoTracking();
        if (topic is { } only)
        {
            var stored = TopicText.Name(only);
            query = query.Where(s => s.Topics.Contains(stored));
        }
        else if (onTopic)
        {
            query = query.Where(s => s.Topics != string.Empty);
        }

        foreach (var named in new[] { name }.Concat(alsoNamed ?? []).OfType<string>())
        {
            var quoted = "\"" + named + "\"";
            query = query.Where(s => s.Analysis != null && s.Analysis.Contains(quoted));
        }

        if (language is not null)
        {
            query = query.Where(s => s.Language == language);
        }

        return await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stories whose title or summary contain the text, most recent first.</summary>
    public async Task<IReadOnlyList<StoryRecord>> SearchAsync(string text, int count, CancellationToken cancellationToken) =>
        await db.Stories.AsNoTracking().Where(s => s.Title.Contains(text) || s.Summary.Contains(text))
            .OrderByDescending(s => s.PublishedAt).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
}
