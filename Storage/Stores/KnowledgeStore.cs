using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Knowledge;
using Radar.Storage.Entities;

namespace Radar.Storage.Stores;

/// <summary>
/// The knowledge base as stored: the seed, synced at every start (idempotently), and what the news
/// reported since. Reports never overwrite sourced facts; contradictory reports stand side by side.
/// </summary>
public sealed class KnowledgeStore(RadarDbContext db)
{
    public async Task SyncSeedAsync(IReadOnlyCollection<KnownEntity> seed, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var existing = await db.KnowledgeEntities.ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var entity in seed)
        {
            if (!existing.TryGetValue(entity.Id, out var row))
            {
                row = new KnowledgeEntityRecord { Id = entity.Id, Kind = entity.Kind.ToString(), Name = entity.Name };
                db.KnowledgeEntities.Add(row);
            }

            Copy(entity, row);
            row.Reported = false; // a person the news introduced and the seed now knows: the facts win
            row.UpdatedAt = now;
        }

        await db.Affiliations.Where(a => !a.Reported).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var person in seed.Where(e => e.Kind == EntityKind.Person))
        {
            db.Affiliations.AddRange(person.Affiliations.Select(a => Record(person.Id, a, now)));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every entity with its full path: verified steps first, then reported ones.</summary>
    public async Task<List<KnownEntity>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.KnowledgeEntities.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var affiliations = (await db.Affiliations.AsNoTracking().OrderBy(a => a.Reported).ThenBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.PersonId, StringComparer.Ordinal);
        return [.. rows.Select(row => new KnownEntity
        {
            Id = row.Id,
            Kind = Enum.Parse<EntityKind>(row.Kind),
            Name = row.Name,
            Aliases = Lines(row.Aliases),
            ArabicNames = Lines(row.ArabicNames),
            UnitOfId = row.UnitOfId,
            OwnedById = row.OwnedById,
            MakerId = row.MakerId,
            Released = row.Released,
            Status = row.Status,
            Founded = row.Founded,
            Founders = Lines(row.Founders),
            Notes = row.Notes,
            Source = row.Source,
            Reported = row.Reported,
            Ror = row.Ror,
            Affiliations = [.. affiliations[row.Id].Select(a => new Affiliation(a.OrgName, a.OrgId, a.Role, a.From, a.To, a.Source, a.Reported))],
        })];
    }

    /// <summary>
    /// Adds what a confident move says to the person's path, as reported by <paramref name="storyId"/>;
    /// a person the knowledge base does not know is created as reported, with the spelling seen.
    /// Returns false when the story had reported it already.
    /// </summary>
    public async Task<bool> RecordMoveAsync(KnownEntity person, Affiliation step, long storyId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(step);
        if (!await db.KnowledgeEntities.AnyAsync(e => e.Id == person.Id, cancellationToken).ConfigureAwait(false))
        {
            var row = new KnowledgeEntityRecord { Id = person.Id, Kind = nameof(EntityKind.Person), Name = person.Name, Reported = true, UpdatedAt = now };
            Copy(person, row);
            db.KnowledgeEntities.Add(row);
        }

        var record = Record(person.Id, step, now);
        record.Reported = true;
        record.StoryId = storyId;
        return await UniqueViolation.TryInsertAsync(db, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A person or model first seen in the news, stored as reported with the story that taught it; false when it is known already.</summary>
    public async Task<bool> RecordNewAsync(KnownEntity entity, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (await db.KnowledgeEntities.AnyAsync(e => e.Id == entity.Id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var row = new KnowledgeEntityRecord { Id = entity.Id, Kind = entity.Kind.ToString(), Name = entity.Name, Reported = true, UpdatedAt = now };
        Copy(entity, row);
        return await UniqueViolation.TryInsertAsync(db, row, cancellationToken).ConfigureAwait(false);
    }

    private static void Copy(KnownEntity entity, KnowledgeEntityRecord row)
    {
        row.Kind = entity.Kind.ToString();
        row.Name = entity.Name;
        row.Aliases = string.Join('\n', entity.Aliases);
        row.ArabicNames = string.Join('\n', entity.ArabicNames);
        row.UnitOfId = entity.UnitOfId;
        row.OwnedById = entity.OwnedById;
        row.MakerId = entity.MakerId;
        row.Released = entity.Released;
        row.Status = entity.Status;
        row.Founded = entity.Founded;
        row.Founders = string.Join('\n', entity.Founders);
        row.Notes = entity.Notes;
        row.Source = entity.Source;
        row.Ror = entity.Ror ?? row.Ror;
    }

    private static AffiliationRecord Record(string personId, Affiliation step, DateTime now) => new()
    {
        PersonId = personId,
        OrgName = step.OrgName,
        OrgId = step.OrgId,
        Role = step.Role,
        From = step.From,
        To = step.To,
        Source = step.Source,
        CreatedAt = now,
    };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
