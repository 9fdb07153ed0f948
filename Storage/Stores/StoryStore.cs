using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
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
    public async Task<StoryRecord> CreateFromEntryAsync(EntryRecord entry, string source, DateTime now, CancellationToken cancellationToken, StoryAnalysis? analysis = null, IReadOnlyDictionary<string, string>? summaries = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var story = new StoryRecord
        {
            Title = entry.Title,
            Link = entry.Link,
            Summary = entry.Summary,
            Summaries = analysis is null ? null : StorySummaries.Write(analysis.Summary, summaries),
            Language = entry.Language,
            Source = source,
            PublishedAt = entry.PublishedAt,
            CreatedAt = now,
            Topics = analysis is null ? string.Empty : TopicText.Join(analysis.Extraction.Topics),
            Analysis = analysis is null ? null : AnalysisJson.Write(analysis.Extraction),
            TitleHash = (long)(analysis?.Signature.TitleHash ?? 0),
            TitleKey = analysis?.Signature.TitleKey ?? string.Empty,
            EventKeys = analysis is null ? string.Empty : string.Join('\n', analysis.Signature.EventKeys),
        };
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        entry.StoryId = story.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return story;
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
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ClusteringLock})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stories created since <paramref name="since"/> with an id above <paramref name="afterId"/>, for the clusterer.</summary>
    public async Task<List<KnownStory>> RecentAsync(DateTime since, CancellationToken cancellationToken, long afterId = 0) =>
        (await db.Stories.AsNoTracking().Where(s => s.CreatedAt >= since && s.Id > afterId)
            .Select(s => new { s.Id, s.Link, s.TitleHash, s.TitleKey, s.EventKeys })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .ConvertAll(s => new KnownStory(s.Id, new StorySignature(s.Link, (ulong)s.TitleHash, s.TitleKey, s.EventKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries))));

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
