using System.Text.Json;
using System.Text.RegularExpressions;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// The knowledge shipped with Radar: <c>Data/facts.json</c> (verified people, organisations and
/// models, every fact with its source), <c>Data/lexicon.json</c> (extra names, units, families),
/// <c>Data/organisations.json</c> (the organisation catalogue, each with a source) and
/// <c>Data/epoch.json</c> (Epoch AI's Notable AI Models: models, organisations, authors' paper trails).
/// </summary>
public static partial class SeedKnowledge
{
    private static readonly Lazy<(List<KnownEntity> Entities, List<ModelFamily> Families)> Read = new(ReadEntities);
    private static readonly Lazy<KnowledgeBase> Shared = new(() => new KnowledgeBase(Read.Value.Entities, Read.Value.Families));

    /// <summary>The seed entities and families, read once per process.</summary>
    public static (IReadOnlyList<KnownEntity> Entities, IReadOnlyList<ModelFamily> Families) Seed => Read.Value;

    /// <summary>The seed knowledge, built once per process.</summary>
    public static KnowledgeBase Load() => Shared.Value;

    /// <summary>
    /// Whether the database keeps this seed entity (so the news can add to its path): all but the
    /// people and models known only from Epoch AI's dataset, which are rebuilt from the shipped
    /// snapshot at each start instead of being written to the database.
    /// </summary>
    public static bool IsStored(KnownEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return !entity.FromDataset || entity.Kind == EntityKind.Org || entity.Affiliations.Count > 0 || entity.Notes is not null || entity.Status is not null;
    }

    /// <summary>
    /// The seed, with what the database holds laid over it: paths with the news' steps, the people and
    /// organisations the news and papers introduced, and the new papers in people's trails (with the
    /// ORCID iDs they gave).
    /// </summary>
    public static List<KnownEntity> Overlay(IReadOnlyList<KnownEntity> seed, IReadOnlyCollection<KnownEntity> stored, ILookup<string, (Appearance Appearance, string? Orcid)>? papers = null)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(stored);
        var byId = stored.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var merged = seed.Select(e => byId.Remove(e.Id, out var row) ? e with { Affiliations = row.Affiliations.Count > 0 ? row.Affiliations : e.Affiliations, Ror = row.Ror ?? e.Ror } : e).ToList();
        merged.AddRange(byId.Values);
        if (papers is null || papers.Count == 0)
        {
            return merged;
        }

        return [.. merged.Select(e => papers[e.Id].ToList() is { Count: > 0 } trail
            ? e with { Appearances = [.. e.Appearances, .. trail.Select(t => t.Appearance)], Orcid = e.Orcid ?? trail.Select(t => t.Orcid).LastOrDefault(o => o is not null) }
            : e)];
    }

    /// <summary>Builds the seed entities, for callers that add more (the news, owners) before indexing.</summary>
    public static (List<KnownEntity> Entities, List<ModelFamily> Families) ReadEntities()
    {
        using var facts = JsonDocument.Parse(ReadResource("facts.json"));
        using var lexicon = JsonDocument.Parse(ReadResource("lexicon.json"));
        using var catalogue = JsonDocument.Parse(ReadResource("organisations.json"));
        var extraAliases = lexicon.RootElement.GetProperty("aliases").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList(), StringComparer.Ordinal);

        var entities = new EntityCollection();
        foreach (var org in facts.RootElement.GetProperty("orgs").EnumerateArray())
        {
            var name = DisplayName(Json.Text(org, "name")!);
            entities.Put(new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Org, name),
                Kind = EntityKind.Org,
                Name = name,
                Aliases = [.. Aliases(org, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(org)],
                Founded = Json.Text(org, "founded"),
                Founders = [.. Json.List(org, "founders")],
                Notes = Json.Text(org, "notes"),
                Source = Json.Text(org, "source"),
            });
        }

        foreach (var org in lexicon.RootElement.GetProperty("orgs").EnumerateArray())
        {
            var name = Json.Text(org, "name")!;
            entities.Put(new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Org, name),
                Kind = EntityKind.Org,
                Name = name,
                Aliases = [.. Json.List(org, "aliases")],
                ArabicNames = [.. Json.List(org, "arabic")],
            });
        }

        var datasetSpellings = OrganisationCatalogue.Apply(catalogue.RootElement, entities);
        var orgIndex = new KnowledgeBase(entities.All.ToList(), []);
        foreach (var person in facts.RootElement.GetProperty("people").EnumerateArray())
        {
            var name = Json.Text(person, "name")!;
            entities.Put(new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Person, name),
                Kind = EntityKind.Person,
                Name = name,
                Aliases = [.. Aliases(person, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(person)],
                Affiliations = [.. person.GetProperty("affiliations").EnumerateArray().Select(a => new Affiliation(
                    Json.Text(a, "org")!, ResolveOrg(orgIndex, Json.Text(a, "org")!)?.Id, Json.Text(a, "role"), Json.Text(a, "from"), Json.Text(a, "to"), Json.Text(a, "source")))],
                Notes = Json.Text(person, "notes"),
            });
        }

        foreach (var person in lexicon.RootElement.TryGetProperty("people", out var names) ? names.EnumerateArray().ToList() : [])
        {
            var name = Json.Text(person, "name")!;
            if (entities.Find(EntityKind.Person, name) is null)
            {
                entities.Put(new KnownEntity
                {
                    Id = EntityCollection.Id(EntityKind.Person, name),
                    Kind = EntityKind.Person,
                    Name = name,
                    ArabicNames = [.. Json.List(person, "arabic")],
                    Match = MatchRule.Cased,
                });
            }
        }

        foreach (var model in facts.RootElement.GetProperty("models").EnumerateArray())
        {
            var name = DisplayName(Json.Text(model, "name")!);
            entities.Put(new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Model, name),
                Kind = EntityKind.Model,
                Name = name,
                Aliases = [.. Aliases(model, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(model)],
                MakerId = ResolveOrg(orgIndex, Json.Text(model, "org") ?? string.Empty)?.Id,
                Released = Json.Text(model, "released"),
                Status = Json.Text(model, "status"),
                Notes = Json.Text(model, "notes"),
                Source = Json.Text(model, "source"),
                Family = Json.Text(model, "family"),
            });
        }

        EpochKnowledge.Merge(EpochImporter.Deserialize(ReadResource("epoch.json")), entities, datasetSpellings);

        // A family's Arabic name ("لاما") names the family's root model where there is one (LLaMA).
        var familyArabic = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var factFamilies = facts.RootElement.TryGetProperty("families", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var family in factFamilies)
        {
            var name = Json.Text(family, "name")!;
            var forms = ArabicForms(family).ToList();
            familyArabic[name] = forms;
            if (entities.Find(EntityKind.Model, name) is { } root)
            {
                entities.Put(root with { ArabicNames = [.. root.ArabicNames.Concat(forms).Distinct(StringComparer.Ordinal)] });
            }
        }

        var families = lexicon.RootElement.GetProperty("families").EnumerateArray()
            .Select(f => new ModelFamily(
                Json.Text(f, "name")!,
                entities.Find(EntityKind.Org, Json.Text(f, "org")!)?.Id ?? throw new InvalidDataException($"lexicon.json: unknown maker of {Json.Text(f, "name")}"),
                f.TryGetProperty("standalone", out var standalone) && standalone.GetBoolean())
            {
                ArabicNames = [.. (familyArabic.GetValueOrDefault(Json.Text(f, "name")!) ?? []).Concat(Json.List(f, "arabic"))],
            })
            .ToList();
        return ([.. entities.All], families);
    }

    /// <summary>The organisation an affiliation names ("Meta (FAIR / GenAI)" → Meta FAIR, "DeepMind / Google" → Google DeepMind).</summary>
    public static KnownEntity? ResolveOrg(KnowledgeBase orgs, string text)
    {
        ArgumentNullException.ThrowIfNull(orgs);
        var whole = orgs.Find(DisplayName(text), EntityKind.Org);
        if (whole is not null)
        {
            return whole;
        }

        var inside = ParentheticalPart().Match(text);
        var unit = inside.Success ? orgs.FindMentions(MatchText.Tokenize(inside.Groups[1].Value)).FirstOrDefault(m => m.Entity.Kind == EntityKind.Org)?.Entity : null;
        var outer = orgs.FindMentions(MatchText.Tokenize(DisplayName(text))).FirstOrDefault(m => m.Entity.Kind == EntityKind.Org)?.Entity;
        return unit is not null && outer is not null && unit.UnitOfId == outer.Id ? unit : outer ?? unit;
    }

    internal static string ReadResource(string name)
    {
        using var stream = typeof(SeedKnowledge).Assembly.GetManifestResourceStream("Radar.Knowledge." + name)
            ?? throw new InvalidDataException($"The embedded knowledge file {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>"Meta FAIR (Fundamental AI Research; …)" → "Meta FAIR"; "LLaMA (LLaMA 1: …)" → "LLaMA".</summary>
    public static string DisplayName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return (open > 0 ? name[..open] : name).Trim();
    }

    private static IEnumerable<string> Aliases(JsonElement element, List<string>? extra)
    {
        var aliases = Json.List(element, "aliases").Select(DisplayName).Concat(extra ?? []);

        // "Microsoft AI (MAI)": the part in brackets is a spelling too when it is one short word.
        var full = Json.Text(element, "name") ?? string.Empty;
        var inside = ParentheticalPart().Match(full);
        if (inside.Success && !inside.Groups[1].Value.Contains(' ', StringComparison.Ordinal) && inside.Groups[1].Value.Length <= 6)
        {
            aliases = aliases.Append(inside.Groups[1].Value);
        }

        return aliases.Where(a => a.Length > 1).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ArabicForms(JsonElement element) =>
        element.TryGetProperty("arabic", out var arabic) && arabic.ValueKind == JsonValueKind.Array
            ? arabic.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? Json.Text(a, "form") : a.GetString()).OfType<string>()
            : [];

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex ParentheticalPart();
}
