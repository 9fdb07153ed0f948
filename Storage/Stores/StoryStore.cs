using System.Data.Common;
using Radar.Feeds.Analysis;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Papers;
using Radar.Feeds.Summaries;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>Stories: created from new entries, read by <c>/latest</c>.</summary>
public sealed class StoryStore(RadarDatabase db)
{
    private const string Columns = """ s."Id", s."Title", s."Link", s."Summary", s."Summaries", s."Language", s."Source", s."PublishedAt", s."CreatedAt", s."Topics", s."Analysis", s."TitleHash", s."TitleKey", s."EventKeys", s."Tier", s."TierBy", s."TierChangedAt", s."FollowsStoryId", s."PaperId", s."PaperAt" """;

    private static StoryRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Title = r.GetString(1),
        Link = RadarDatabase.TextOrNull(r, 2),
        Summary = r.GetString(3),
        Summaries = RadarDatabase.TextOrNull(r, 4),
        Language = r.GetString(5),
        Source = r.GetString(6),
        PublishedAt = RadarDatabase.Utc(r, 7),
        CreatedAt = RadarDatabase.Utc(r, 8),
        Topics = r.GetString(9),
        Analysis = RadarDatabase.TextOrNull(r, 10),
        TitleHash = r.GetInt64(11),
        TitleKey = r.GetString(12),
        EventKeys = r.GetString(13),
        Tier = Enum.Parse<ClaimTier>(r.GetString(14)),
        TierBy = RadarDatabase.TextOrNull(r, 15),
        TierChangedAt = RadarDatabase.UtcOrNull(r, 16),
        FollowsStoryId = r.IsDBNull(17) ? null : r.GetInt64(17),
        PaperId = RadarDatabase.TextOrNull(r, 18),
        PaperAt = RadarDatabase.UtcOrNull(r, 19),
    };


    /// <summary>Stores a new story; its id is set on it.</summary>
    private async Task InsertAsync(StoryRecord story, CancellationToken cancellationToken) =>
        story.Id = (await db.QueryAsync(
            """
            INSERT INTO stories ("Title", "Link", "Summary", "Summaries", "Language", "Source", "PublishedAt", "CreatedAt", "Topics", "Analysis", "TitleHash", "TitleKey", "EventKeys", "Tier", "TierBy", "TierChangedAt", "FollowsStoryId", "PaperId", "PaperAt")
            VALUES (@title, @link, @summary, @summaries, @language, @source, @published, @created, @topics, @analysis, @titleHash, @titleKey, @eventKeys, @tier, @tierBy, @tierChanged, @follows, @paperId, @paperAt)
            RETURNING "Id"
            """,
            r => r.GetInt64(0), cancellationToken,
            ("title", story.Title), ("link", story.Link), ("summary", story.Summary), ("summaries", story.Summaries), ("language", story.Language), ("source", story.Source),
            ("published", story.PublishedAt), ("created", story.CreatedAt), ("topics", story.Topics), ("analysis", story.Analysis), ("titleHash", story.TitleHash), ("titleKey", story.TitleKey),
            ("eventKeys", story.EventKeys), ("tier", story.Tier.ToString()), ("tierBy", story.TierBy), ("tierChanged", story.TierChangedAt), ("follows", story.FollowsStoryId),
            ("paperId", story.PaperId), ("paperAt", story.PaperAt)).ConfigureAwait(false)).Single();

    private Task<int> SetStoryAsync(EntryRecord entry, long storyId, CancellationToken cancellationToken)
    {
        entry.StoryId = storyId;
        return db.ExecuteAsync("""UPDATE entries SET "StoryId" = @story WHERE "Id" = @id""", cancellationToken, ("story", storyId), ("id", entry.Id));
    }

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

        await InsertAsync(story, cancellationToken).ConfigureAwait(false);
        await SetStoryAsync(entry, story.Id, cancellationToken).ConfigureAwait(false);
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
        await InsertAsync(story, cancellationToken).ConfigureAwait(false);
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
        var story = (await db.QueryAsync($"""SELECT {Columns} FROM stories s WHERE s."Id" = @id""", Read, cancellationToken, ("id", storyId)).ConfigureAwait(false)).Single();
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
        await db.ExecuteAsync(
            """
            UPDATE stories SET "Title" = @title, "Link" = @link, "Summary" = @summary, "Summaries" = @summaries, "Language" = @language, "Source" = @source, "PublishedAt" = @published,
                "Topics" = @topics, "Analysis" = @analysis, "TitleHash" = @titleHash, "TitleKey" = @titleKey, "EventKeys" = @eventKeys, "Tier" = @tier, "TierBy" = @tierBy, "TierChangedAt" = NULL
            WHERE "Id" = @id
            """,
            cancellationToken, ("title", story.Title), ("link", story.Link), ("summary", story.Summary), ("summaries", story.Summaries), ("language", story.Language), ("source", story.Source),
            ("published", story.PublishedAt), ("topics", story.Topics), ("analysis", story.Analysis), ("titleHash", story.TitleHash), ("titleKey", story.TitleKey), ("eventKeys", story.EventKeys),
            ("tier", story.Tier.ToString()), ("tierBy", story.TierBy), ("id", story.Id)).ConfigureAwait(false);
        await SetStoryAsync(entry, story.Id, cancellationToken).ConfigureAwait(false);
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
            await db.ExecuteAsync($"SELECT pg_advisory_xact_lock({ClusteringLock})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stories created since <paramref name="since"/> with an id above <paramref name="afterId"/>, for the clusterer.</summary>
    public async Task<List<KnownStory>> RecentAsync(DateTime since, CancellationToken cancellationToken, long afterId = 0) =>
        await db.QueryAsync(
            """SELECT "Id", "Link", "TitleHash", "TitleKey", "EventKeys", "PublishedAt", "CreatedAt" FROM stories WHERE "CreatedAt" >= @since AND "Id" > @after""",
            r => new KnownStory(r.GetInt64(0), new StorySignature(RadarDatabase.TextOrNull(r, 1), (ulong)r.GetInt64(2), r.GetString(3), r.GetString(4).Split('\n', StringSplitOptions.RemoveEmptyEntries)), RadarDatabase.Utc(r, 5)) { Created = RadarDatabase.Utc(r, 6) },
            cancellationToken, ("since", since), ("after", afterId)).ConfigureAwait(false);

    /// <summary>A story's tier now, and who set it.</summary>
    public async Task<(ClaimTier Tier, string? By)> TierAsync(long storyId, CancellationToken cancellationToken)
    {
        return (await db.QueryAsync("""SELECT "Tier", "TierBy" FROM stories WHERE "Id" = @id""", r => (Enum.Parse<ClaimTier>(r.GetString(0)), RadarDatabase.TextOrNull(r, 1)), cancellationToken, ("id", storyId)).ConfigureAwait(false)).Single();
    }

    /// <summary>Moves a story to a new tier (a confirmation or a denial joined it), as of <paramref name="at"/>, the news time of the report that moved it.</summary>
    public Task SetTierAsync(long storyId, ClaimTier tier, string? by, DateTime at, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE stories SET "Tier" = @tier, "TierBy" = @by, "TierChangedAt" = @at WHERE "Id" = @id""", cancellationToken, ("tier", tier.ToString()), ("by", by), ("at", at), ("id", storyId));

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
            var rows = await db.QueryAsync(
                $"""
                SELECT "Id", "Tier", "Analysis" FROM stories
                WHERE "PublishedAt" >= @since AND "PublishedAt" <= @until AND (substr("EventKeys", 1, length(@prefix)) = @prefix OR {db.ContainsSql("\"EventKeys\"", "@linePrefix")})
                    AND (NOT @inferredOnly OR "Tier" = @inferred)
                ORDER BY "PublishedAt" DESC LIMIT 20
                """,
                r => (Id: r.GetInt64(0), Tier: Enum.Parse<ClaimTier>(r.GetString(1)), Analysis: RadarDatabase.TextOrNull(r, 2)),
                cancellationToken, ("since", since), ("until", until), ("prefix", prefix), ("linePrefix", "\n" + prefix), ("inferredOnly", inferredOnly), ("inferred", nameof(ClaimTier.Inferred))).ConfigureAwait(false);
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
                var found = await db.QueryAsync(
                    """SELECT "Id", "Title", "PublishedAt", "FollowsStoryId" FROM stories WHERE "Id" = @id""",
                    r => (Id: r.GetInt64(0), Title: r.GetString(1), PublishedAt: RadarDatabase.Utc(r, 2), FollowsStoryId: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)),
                    cancellationToken, ("id", id)).ConfigureAwait(false);
                if (found.Count == 0)
                {
                    break;
                }

                var earlier = found[0];

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
        await SetStoryAsync(entry, storyId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every report of each story, first one first, in one query: which feed, which link.</summary>
    public async Task<IReadOnlyDictionary<long, List<(string Feed, string? Link)>>> SourcesAsync(IReadOnlyCollection<long> storyIds, CancellationToken cancellationToken) =>
        storyIds.Count == 0 ? new Dictionary<long, List<(string Feed, string? Link)>>() :
        (await db.QueryAsync(
            $"""SELECT e."StoryId", f."Name", e."Link" FROM entries e JOIN feeds f ON f."Id" = e."FeedId" WHERE e."StoryId" IN ({string.Join(',', storyIds)}) ORDER BY e."Id" """,
            r => (StoryId: r.GetInt64(0), Name: r.GetString(1), Link: RadarDatabase.TextOrNull(r, 2)),
            cancellationToken).ConfigureAwait(false))
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
        var where = new List<string>();
        var parameters = new List<(string Name, object? Value)> { ("count", count) };
        if (topic is { } only)
        {
            where.Add(db.ContainsSql("s.\"Topics\"", "@topic"));
            parameters.Add(("topic", TopicText.Name(only)));
        }
        else if (onTopic)
        {
            where.Add("s.\"Topics\" <> ''");
        }

        foreach (var (named, i) in new[] { name }.Concat(alsoNamed ?? []).OfType<string>().Select((n, i) => (n, i)))
        {
            where.Add($"s.\"Analysis\" IS NOT NULL AND {db.ContainsSql("s.\"Analysis\"", $"@named{i}")}");
            parameters.Add(($"named{i}", "\"" + named + "\""));
        }

        if (language is not null)
        {
            where.Add("s.\"Language\" = @language");
            parameters.Add(("language", language));
        }

        return await db.QueryAsync(
            $"""SELECT {Columns} FROM stories s {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))} ORDER BY s."PublishedAt" DESC, s."Id" DESC LIMIT @count""",
            Read, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    /// <summary>Stories whose title or summary contain the text, most recent first.</summary>
    public async Task<IReadOnlyList<StoryRecord>> SearchAsync(string text, int count, CancellationToken cancellationToken) =>
        await db.QueryAsync(
            $"""SELECT {Columns} FROM stories s WHERE {db.ContainsSql("s.\"Title\"", "@text")} OR {db.ContainsSql("s.\"Summary\"", "@text")} ORDER BY s."PublishedAt" DESC LIMIT @count""",
            Read, cancellationToken, ("text", text), ("count", count)).ConfigureAwait(false);
}
