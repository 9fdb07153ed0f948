using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Model;
using Radar.Feeds.Text;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>
/// Keeps each entry once. An entry is new only if neither its (feed, id), nor its canonical link,
/// nor its (feed, normalised title) within the last 7 days is known, so feeds that rewrite GUIDs
/// or dates on every fetch do not alert again.
/// </summary>
public sealed class EntryStore(RadarDbContext db)
{
    public static readonly TimeSpan TitleWindow = TimeSpan.FromDays(7);

    /// <summary>Stores the entry if it is new and returns it; returns null when it is known.</summary>
    public async Task<EntryRecord?> AddIfNewAsync(int feedId, FeedEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var titleKey = TitleKey.Normalize(entry.Title);
        if (await IsKnownAsync(feedId, entry.Link, titleKey, now, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var record = new EntryRecord
        {
            FeedId = feedId,
            ItemKey = entry.Id,
            Link = entry.Link,
            Title = entry.Title,
            TitleKey = titleKey.Length > 500 ? titleKey[..500] : titleKey,
            Summary = entry.Summary,
            Language = entry.Language,
            PublishedAt = entry.Published?.UtcDateTime ?? now,
            FirstSeenAt = now,
        };
        return await UniqueViolation.TryInsertAsync(db, record, cancellationToken).ConfigureAwait(false) ? record : null;
    }

    /// <summary>Whether <see cref="AddIfNewAsync"/> would store the entry now (a read; the insert decides for good).</summary>
    public async Task<bool> IsNewAsync(int feedId, FeedEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !await IsKnownAsync(feedId, entry.Link, TitleKey.Normalize(entry.Title), now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsKnownAsync(int feedId, string? link, string titleKey, DateTime now, CancellationToken cancellationToken)
    {
        if (link is not null && await db.Entries.AnyAsync(e => e.Link == link, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (titleKey.Length == 0)
        {
            return false; // untitled entries are told apart by id and link only
        }

        var since = now - TitleWindow;
        return await db.Entries.AnyAsync(e => e.FeedId == feedId && e.TitleKey == titleKey && e.FirstSeenAt >= since, cancellationToken).ConfigureAwait(false);
    }
}
