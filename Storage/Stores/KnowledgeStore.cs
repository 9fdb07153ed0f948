using Radar.Feeds.Knowledge;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>
/// The knowledge base as stored: the seed, synced at every start (idempotently), and what the news
/// reported since. Reports never overwrite sourced facts; contradictory reports stand side by side.
/// </summary>
public sealed class KnowledgeStore(RadarDatabase db)
{
    private const string EntityColumns = """ "Id", "Kind", "Name", "Aliases", "ArabicNames", "UnitOfId", "OwnedById", "MakerId", "Released", "Status", "Founded", "Founders", "Notes", "Source", "Reported", "Ror", "UpdatedAt" """;

    private const string EntityValues = """@id, @kind, @name, @aliases, @arabicNames, @unitOf, @ownedBy, @maker, @released, @status, @founded, @founders, @notes, @source, @reported, @ror, @now""";

    public async Task SyncSeedAsync(IReadOnlyCollection<KnownEntity> seed, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var entity in seed)
        {
            // A person the news introduced and the seed now knows: the facts win (no longer reported).
            await db.ExecuteAsync(
                $"""
                INSERT INTO knowledge_entities ({EntityColumns}) VALUES ({EntityValues})
                ON CONFLICT ("Id") DO UPDATE SET "Kind" = excluded."Kind", "Name" = excluded."Name", "Aliases" = excluded."Aliases", "ArabicNames" = excluded."ArabicNames",
                    "UnitOfId" = excluded."UnitOfId", "OwnedById" = excluded."OwnedById", "MakerId" = excluded."MakerId", "Released" = excluded."Released", "Status" = excluded."Status",
                    "Founded" = excluded."Founded", "Founders" = excluded."Founders", "Notes" = excluded."Notes", "Source" = excluded."Source", "Reported" = excluded."Reported",
                    "Ror" = COALESCE(excluded."Ror", knowledge_entities."Ror"), "UpdatedAt" = excluded."UpdatedAt"
                """,
                cancellationToken, Values(entity, reported: false, now)).ConfigureAwait(false);
        }

        await db.ExecuteAsync("""DELETE FROM affiliations WHERE NOT "Reported" """, cancellationToken).ConfigureAwait(false);
        foreach (var person in seed.Where(e => e.Kind == EntityKind.Person))
        {
            foreach (var step in person.Affiliations)
            {
                await InsertStepAsync(person.Id, step, reported: false, storyId: null, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every entity with its full path: verified steps first, then reported ones.</summary>
    public async Task<List<KnownEntity>> LoadAsync(CancellationToken cancellationToken)
    {
        var affiliations = (await db.QueryAsync(
            """SELECT "PersonId", "OrgName", "OrgId", "Role", "From", "To", "Source", "Reported" FROM affiliations ORDER BY "Reported", "Id" """,
            r => (PersonId: r.GetString(0), Step: new Affiliation(r.GetString(1), RadarDatabase.TextOrNull(r, 2), RadarDatabase.TextOrNull(r, 3), RadarDatabase.TextOrNull(r, 4), RadarDatabase.TextOrNull(r, 5), RadarDatabase.TextOrNull(r, 6), r.GetBoolean(7))),
            cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.PersonId, a => a.Step, StringComparer.Ordinal);
        return await db.QueryAsync(
            $"""SELECT {EntityColumns} FROM knowledge_entities""",
            r => new KnownEntity
            {
                Id = r.GetString(0),
                Kind = Enum.Parse<EntityKind>(r.GetString(1)),
                Name = r.GetString(2),
                Aliases = Lines(r.GetString(3)),
                ArabicNames = Lines(r.GetString(4)),
                UnitOfId = RadarDatabase.TextOrNull(r, 5),
                OwnedById = RadarDatabase.TextOrNull(r, 6),
                MakerId = RadarDatabase.TextOrNull(r, 7),
                Released = RadarDatabase.TextOrNull(r, 8),
                Status = RadarDatabase.TextOrNull(r, 9),
                Founded = RadarDatabase.TextOrNull(r, 10),
                Founders = Lines(r.GetString(11)),
                Notes = RadarDatabase.TextOrNull(r, 12),
                Source = RadarDatabase.TextOrNull(r, 13),
                Reported = r.GetBoolean(14),
                Ror = RadarDatabase.TextOrNull(r, 15),
                Affiliations = [.. affiliations[r.GetString(0)]],
            },
            cancellationToken).ConfigureAwait(false);
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
        await InsertNewAsync(person, now, cancellationToken).ConfigureAwait(false);
        return await InsertStepAsync(person.Id, step, reported: true, storyId, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A person or model first seen in the news, stored as reported with the story that taught it; false when it is known already.</summary>
    public Task<bool> RecordNewAsync(KnownEntity entity, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return InsertNewAsync(entity, now, cancellationToken);
    }

    private async Task<bool> InsertNewAsync(KnownEntity entity, DateTime now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            $"""INSERT INTO knowledge_entities ({EntityColumns}) VALUES ({EntityValues}) ON CONFLICT DO NOTHING""",
            cancellationToken, Values(entity, reported: true, now)).ConfigureAwait(false) > 0;

    private async Task<bool> InsertStepAsync(string personId, Affiliation step, bool reported, long? storyId, DateTime now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            """
            INSERT INTO affiliations ("PersonId", "OrgName", "OrgId", "Role", "From", "To", "Source", "Reported", "StoryId", "CreatedAt")
            VALUES (@person, @orgName, @orgId, @role, @from, @to, @source, @reported, @story, @now)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken, ("person", personId), ("orgName", step.OrgName), ("orgId", step.OrgId), ("role", step.Role), ("from", step.From), ("to", step.To),
            ("source", step.Source), ("reported", reported), ("story", storyId), ("now", now)).ConfigureAwait(false) > 0;

    private static (string, object?)[] Values(KnownEntity entity, bool reported, DateTime now) =>
    [
        ("id", entity.Id), ("kind", entity.Kind.ToString()), ("name", entity.Name), ("aliases", string.Join('\n', entity.Aliases)), ("arabicNames", string.Join('\n', entity.ArabicNames)),
        ("unitOf", entity.UnitOfId), ("ownedBy", entity.OwnedById), ("maker", entity.MakerId), ("released", entity.Released), ("status", entity.Status), ("founded", entity.Founded),
        ("founders", string.Join('\n', entity.Founders)), ("notes", entity.Notes), ("source", entity.Source), ("reported", reported), ("ror", entity.Ror), ("now", now),
    ];


    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
