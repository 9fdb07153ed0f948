using Microsoft.EntityFrameworkCore;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>Stories: created from new entries, read by <c>/latest</c>.</summary>
public sealed class StoryStore(RadarDbContext db)
{
    /// <summary>Makes the entry the first source of a new story.</summary>
    public async Task<StoryRecord> CreateFromEntryAsync(EntryRecord entry, string source, DateTime now, CancellationToken cancellationToken)
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
        };
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        entry.StoryId = story.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return story;
    }

    public async Task<IReadOnlyList<StoryRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await db.Stories.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
}
