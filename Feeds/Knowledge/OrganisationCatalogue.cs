using System.Text.Json;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// Applies <c>Data/organisations.json</c>: each organisation enriches the one of the same name
/// (kind, country, parent, spellings, source) or is added; the dataset spellings it lists
/// ("Facebook AI Research") are returned so that the dataset's rows land on it.
/// </summary>
internal static class OrganisationCatalogue
{
    public static Dictionary<string, string> Apply(JsonElement root, EntityCollection entities)
    {
        var datasetSpellings = new Dictionary<string, string>(StringComparer.Ordinal);
        var parents = new List<(string Id, string? UnitOf, string? OwnedBy)>();
        foreach (var org in root.GetProperty("orgs").EnumerateArray())
        {
            var name = Json.Text(org, "name")!;
            var aliases = Json.List(org, "aliases").ToList();
            var existing = entities.Find(EntityKind.Org, name) ?? aliases.Select(a => entities.Find(EntityKind.Org, a)).FirstOrDefault(e => e is not null);
            var entity = (existing ?? new KnownEntity { Id = EntityCollection.Id(EntityKind.Org, name), Kind = EntityKind.Org, Name = name }).WithAliases(aliases);
            entity = entity with
            {
                ArabicNames = [.. entity.ArabicNames.Concat(Json.List(org, "arabic")).Distinct(StringComparer.Ordinal)],
                OrgKind = Json.Text(org, "kind"),
                Country = Json.Text(org, "country"),
                Source = entity.Source ?? Json.Text(org, "source"),
                Match = org.TryGetProperty("cased", out var cased) && cased.GetBoolean() ? MatchRule.Cased : entity.Match,
            };
            entities.Put(entity);
            parents.Add((entity.Id, Json.Text(org, "unitOf"), Json.Text(org, "ownedBy")));
            foreach (var spelling in Json.List(org, "dataset"))
            {
                datasetSpellings[spelling] = entity.Id;
            }
        }

        foreach (var (id, unitOf, ownedBy) in parents)
        {
            var entity = entities.Get(id)!;
            entities.Put(entity with
            {
                UnitOfId = unitOf is null ? entity.UnitOfId : entities.Find(EntityKind.Org, unitOf)?.Id ?? throw new InvalidDataException($"organisations.json: unknown parent {unitOf}"),
                OwnedById = ownedBy is null ? entity.OwnedById : entities.Find(EntityKind.Org, ownedBy)?.Id ?? throw new InvalidDataException($"organisations.json: unknown owner {ownedBy}"),
            });
        }

        return datasetSpellings;
    }
}
