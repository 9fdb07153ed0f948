using Radar.Feeds.Knowledge;
using Radar.Feeds.Papers;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>The papers the arXiv listings announced, their look-ups, and the paper trail they add to known people.</summary>
public sealed class PaperStore(RadarDatabase db)
{
    /// <summary>Stores the papers not seen before, due for a look-up now; returns how many were new.</summary>
    public async Task<int> AddListedAsync(IReadOnlyCollection<ArxivItem> items, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var added = 0;
        foreach (var item in items.DistinctBy(i => i.Id, StringComparer.Ordinal))
        {
            added += await db.ExecuteAsync(
                """
                INSERT INTO papers ("ArxivId", "Title", "Authors", "AnnouncedAt", "ListedAt", "State", "NextLookupAt", "Lookups")
                VALUES (@id, @title, @authors, @announced, @now, @state, @now, 0)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken, ("id", item.Id), ("title", item.Title.Length > 500 ? item.Title[..500] : item.Title), ("authors", string.Join('\n', item.Authors)),
                ("announced", item.Announced.UtcDateTime), ("now", now), ("state", nameof(PaperState.Pending))).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>The papers due for a look-up, the longest waiting first.</summary>
    public Task<List<PaperRecord>> DueAsync(DateTime now, int max, CancellationToken cancellationToken) =>
        db.QueryAsync(
            """
            SELECT "ArxivId", "Title", "Authors", "AnnouncedAt", "ListedAt", "State", "NextLookupAt", "Lookups", "LastError", "DoneAt" FROM papers
            WHERE "State" = @pending AND "NextLookupAt" <= @now ORDER BY "NextLookupAt", "ArxivId" LIMIT @max
            """,
            r => new PaperRecord
            {
                ArxivId = r.GetString(0),
                Title = r.GetString(1),
                Authors = r.GetString(2),
                AnnouncedAt = RadarDatabase.Utc(r, 3),
                ListedAt = RadarDatabase.Utc(r, 4),
                State = Enum.Parse<PaperState>(r.GetString(5)),
                NextLookupAt = RadarDatabase.Utc(r, 6),
                Lookups = r.GetInt32(7),
                LastError = r.IsDBNull(8) ? null : r.GetString(8),
                DoneAt = RadarDatabase.UtcOrNull(r, 9),
            },
            cancellationToken, ("pending", nameof(PaperState.Pending)), ("now", now), ("max", max));

    /// <summary>Tries the paper again at <paramref name="next"/>, or gives it up, with why.</summary>
    public Task<int> PostponeAsync(string arxivId, DateTime? next, string error, DateTime now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """UPDATE papers SET "Lookups" = "Lookups" + 1, "LastError" = @error, "State" = @state, "NextLookupAt" = @next, "DoneAt" = @done WHERE "ArxivId" = @id""",
            cancellationToken, ("error", error.Length > 500 ? error[..500] : error), ("state", (next is null ? PaperState.GaveUp : PaperState.Pending).ToString()),
            ("next", next ?? now), ("done", next is null ? now : null), ("id", arxivId));

    /// <summary>
    /// What a looked-up paper taught, stored once: the organisations it introduced, the paper in each
    /// recognised author's trail (with the ORCID it gave), and the paper marked done.
    /// </summary>
    public async Task CompleteAsync(PaperReading reading, KnowledgeStore knowledge, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(knowledge);
        foreach (var org in reading.NewOrganisations)
        {
            await knowledge.RecordNewAsync(org, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var author in reading.Authors.Where(a => a.Appears).DistinctBy(a => a.PersonId))
        {
            await db.ExecuteAsync(
                """
                INSERT INTO paper_appearances ("PersonId", "ArxivId", "OrgIds", "Date", "Orcid", "CreatedAt") VALUES (@person, @paper, @orgs, @date, @orcid, @now)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken, ("person", author.PersonId!), ("paper", reading.Work.ArxivId), ("orgs", string.Join('\n', author.OrgIds)), ("date", reading.Work.Date), ("orcid", author.Orcid), ("now", now)).ConfigureAwait(false);
        }

        await db.ExecuteAsync(
            """UPDATE papers SET "State" = @done, "DoneAt" = @now, "Lookups" = "Lookups" + 1, "LastError" = NULL WHERE "ArxivId" = @id""",
            cancellationToken, ("done", nameof(PaperState.Done)), ("now", now), ("id", reading.Work.ArxivId)).ConfigureAwait(false);
    }

    /// <summary>Every paper in a known person's trail, by person: an appearance named "arXiv:…" with the paper's link, and the ORCID the paper gave.</summary>
    public async Task<ILookup<string, (Appearance Appearance, string? Orcid)>> TrailsAsync(CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            """SELECT "PersonId", "ArxivId", "OrgIds", "Date", "Orcid" FROM paper_appearances ORDER BY "Id" """,
            r => (PersonId: r.GetString(0), ArxivId: r.GetString(1), OrgIds: r.GetString(2), Date: r.GetString(3), Orcid: r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.PersonId, a => (new Appearance(PaperReader.TrailName(a.ArxivId), a.OrgIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), a.Date, PaperReader.Link(a.ArxivId)), a.Orcid), StringComparer.Ordinal);

    /// <summary>How many papers wait for a look-up, are done, and were given up: for the bench and the logs.</summary>
    public async Task<Dictionary<PaperState, int>> CountsAsync(CancellationToken cancellationToken) =>
        (await db.QueryAsync("""SELECT "State", COUNT(*) FROM papers GROUP BY "State" """, r => (State: Enum.Parse<PaperState>(r.GetString(0)), Count: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false))
        .ToDictionary(g => g.State, g => g.Count);
}
