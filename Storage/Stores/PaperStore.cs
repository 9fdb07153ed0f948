using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Papers;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>The papers the arXiv listings announced, their look-ups, and the paper trail they add to known people.</summary>
public sealed class PaperStore(RadarDbContext db)
{
    /// <summary>Stores the papers not seen before, due for a look-up now; returns how many were new.</summary>
    public async Task<int> AddListedAsync(IReadOnlyCollection<ArxivItem> items, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.Id).ToList();
        var known = (await db.Papers.AsNoTracking().Where(p => ids.Contains(p.ArxivId)).Select(p => p.ArxivId).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var item in items.Where(i => !known.Contains(i.Id)))
        {
            var row = new PaperRecord
            {
                ArxivId = item.Id,
                Title = item.Title.Length > 500 ? item.Title[..500] : item.Title,
                Authors = string.Join('\n', item.Authors),
                AnnouncedAt = item.Announced.UtcDateTime,
                ListedAt = now,
                NextLookupAt = now,
            };
            added += await UniqueViolation.TryInsertAsync(db, row, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return added;
    }

    /// <summary>The papers due for a look-up, the longest waiting first.</summary>
    public Task<List<PaperRecord>> DueAsync(DateTime now, int max, CancellationToken cancellationToken) =>
        db.Papers.AsNoTracking().Where(p => p.State == PaperState.Pending && p.NextLookupAt <= now)
            .OrderBy(p => p.NextLookupAt).ThenBy(p => p.ArxivId).Take(max).ToListAsync(cancellationToken);

    /// <summary>Tries the paper again at <paramref name="next"/>, or gives it up, with why.</summary>
    public Task<int> PostponeAsync(string arxivId, DateTime? next, string error, DateTime now, CancellationToken cancellationToken) =>
        db.Papers.Where(p => p.ArxivId == arxivId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Lookups, p => p.Lookups + 1)
                .SetProperty(p => p.LastError, error.Length > 500 ? error[..500] : error)
                .SetProperty(p => p.State, next is null ? PaperState.GaveUp : PaperState.Pending)
                .SetProperty(p => p.NextLookupAt, next ?? now)
                .SetProperty(p => p.DoneAt, next is null ? now : null),
            cancellationToken);

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
            await UniqueViolation.TryInsertAsync(db, new PaperAppearanceRecord
            {
                PersonId = author.PersonId!,
                ArxivId = reading.Work.ArxivId,
                OrgIds = string.Join('\n', author.OrgIds),
                Date = reading.Work.Date,
                Orcid = author.Orcid,
                CreatedAt = now,
            }, cancellationToken).ConfigureAwait(false);
        }

        await db.Papers.Where(p => p.ArxivId == reading.Work.ArxivId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.State, PaperState.Done).SetProperty(p => p.DoneAt, now).SetProperty(p => p.Lookups, p => p.Lookups + 1).SetProperty(p => p.LastError, (string?)null),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every paper in a known person's trail, by person: an appearance named "arXiv:…" with the paper's link, and the ORCID the paper gave.</summary>
    public async Task<ILookup<string, (Appearance Appearance, string? Orcid)>> TrailsAsync(CancellationToken cancellationToken) =>
        (await db.PaperAppearances.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.PersonId, a => (new Appearance(PaperReader.TrailName(a.ArxivId), a.OrgIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), a.Date, PaperReader.Link(a.ArxivId)), a.Orcid), StringComparer.Ordinal);

    /// <summary>How many papers wait for a look-up, are done, and were given up: for the bench and the logs.</summary>
    public async Task<Dictionary<PaperState, int>> CountsAsync(CancellationToken cancellationToken) =>
        await db.Papers.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
}
