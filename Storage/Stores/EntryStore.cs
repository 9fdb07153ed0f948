using Radar.Feeds.Model;
using Radar.Feeds.Text;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>
/// Keeps each entry once. An entry is new only if neither its (feed, id), nor its canonical link,
/// nor its (feed, normalised title) within the last 7 days is known, so feeds that rewrite GUIDs
/// or dates on every fetch do not alert again.
/// </summary>
public sealed class EntryStore(RadarDatabase db)
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
        var id = await db.QueryAsync(
            """
            INSERT INTO entries ("FeedId", "ItemKey", "Link", "Title", "TitleKey", "Summary", "Language", "PublishedAt", "FirstSeenAt")
            VALUES (@feed, @itemKey, @link, @title, @titleKey, @summary, @language, @published, @now)
            ON CONFLICT DO NOTHING
            RETURNING "Id"
            """,
            r => r.GetInt64(0), cancellationToken, ("feed", record.FeedId), ("itemKey", record.ItemKey), ("link", record.Link), ("title", record.Title), ("titleKey", record.TitleKey),
            ("summary", record.Summary), ("language", record.Language), ("published", record.PublishedAt), ("now", now)).ConfigureAwait(false);
        if (id.Count == 0)
        {
            return null; // the same (feed, id) stored meanwhile
        }

        record.Id = id[0];
        return record;
    }

    /// <summary>Whether <see cref="AddIfNewAsync"/> would store the entry now (a read; the insert decides for good).</summary>
    public async Task<bool> IsNewAsync(int feedId, FeedEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !await IsKnownAsync(feedId, entry.Link, TitleKey.Normalize(entry.Title), now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsKnownAsync(int feedId, string? link, string titleKey, DateTime now, CancellationToken cancellationToken)
    {
        if (link is not null && await ExistsAsync("""SELECT 1 FROM entries WHERE "Link" = @link""", cancellationToken, ("link", link)).ConfigureAwait(false))
        {
            return true;
        }

        if (titleKey.Length == 0)
        {
            return false; // untitled entries are told apart by id and link only
        }

        var since = now - TitleWindow;
        return await ExistsAsync("""SELECT 1 FROM entries WHERE "FeedId" = @feed AND "TitleKey" = @titleKey AND "FirstSeenAt" >= @since""", cancellationToken, ("feed", feedId), ("titleKey", titleKey), ("since", since)).ConfigureAwait(false);
    }

    private async Task<bool> ExistsAsync(string select, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await db.ScalarAsync($"SELECT EXISTS ({select})", cancellationToken, parameters).ConfigureAwait(false) is { } found && Convert.ToBoolean(found, System.Globalization.CultureInfo.InvariantCulture);
}
