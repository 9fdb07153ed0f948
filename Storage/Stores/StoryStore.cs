using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Stories: created from new entries, read by <c>/latest</c>.</summary>
public sealed class StoryStore(RadarDbContext db)
{
    /// <summary>Makes the entry the first source of a new story, with what extraction understood of it.</summary>
    public async Task<StoryRecord> CreateFromEntryAsync(EntryRecord entry, string source, DateTime now, CancellationToken cancellationToken, StoryUnderstanding? understanding = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var story = new StoryRecord
        {
            Title = entry.Title,
            Link = entry.Link,
            Summary = understanding?.Summary ?? entry.Summary,
            Language = entry.Language,
            Source = source,
            PublishedAt = entry.PublishedAt,
            CreatedAt = now,
            Topics = understanding?.Topics ?? string.Empty,
            Analysis = understanding?.Analysis,
            TitleHash = understanding?.TitleHash ?? 0,
            TitleKey = understanding?.TitleKey ?? string.Empty,
            EventKeys = understanding?.EventKeys ?? string.Empty,
        };
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        entry.StoryId = story.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return story;
    }

    /// <summary>Stories created since <paramref name="since"/>, for the clusterer.</summary>
    public async Task<List<StoryCandidate>> RecentAsync(DateTime since, CancellationToken cancellationToken) =>
        await db.Stories.AsNoTracking().Where(s => s.CreatedAt >= since)
            .Select(s => new StoryCandidate(s.Id, s.Link, s.TitleHash, s.TitleKey, s.EventKeys))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Adds the entry to an existing story as one more source; it does not alert again.</summary>
    public async Task AttachAsync(EntryRecord entry, long storyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.StoryId = storyId;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every report of the story, first one first: which feed, which link.</summary>
    public async Task<IReadOnlyList<(string Feed, string? Link)>> SourcesAsync(long storyId, CancellationToken cancellationToken) =>
        (await db.Entries.AsNoTracking().Where(e => e.StoryId == storyId)
            .Join(db.Feeds, e => e.FeedId, f => f.Id, (e, f) => new { e.Id, f.Name, e.Link })
            .OrderBy(x => x.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(x => (x.Name, x.Link)).ToList();

    /// <summary>The most recent stories, optionally on a topic and naming an entity (by canonical name).</summary>
    public async Task<IReadOnlyList<StoryRecord>> LatestAsync(int count, CancellationToken cancellationToken, string? topic = null, string? name = null)
    {
        var query = db.Stories.AsNoTracking();
        if (topic == "all")
        {
            query = query.Where(s => s.Topics != string.Empty);
        }
        else if (topic is not null)
        {
            query = query.Where(s => s.Topics.Contains(topic));
        }

        if (name is not null)
        {
            var quoted = "\"" + name + "\"";
            query = query.Where(s => s.Analysis != null && s.Analysis.Contains(quoted));
        }

        return await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stories whose title or summary contain the text, most recent first.</summary>
    public async Task<IReadOnlyList<StoryRecord>> SearchAsync(string text, int count, CancellationToken cancellationToken) =>
        await db.Stories.AsNoTracking().Where(s => s.Title.Contains(text) || s.Summary.Contains(text))
            .OrderByDescending(s => s.PublishedAt).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
}
