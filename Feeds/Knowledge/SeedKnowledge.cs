using System.Text.Json;
using System.Text.RegularExpressions;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// The knowledge shipped with Radar: <c>Data/facts.json</c> (verified people, organisations and
/// models, every fact with its source) and <c>Data/lexicon.json</c> (extra names, units, families).
/// </summary>
public static partial class SeedKnowledge
{
    private static readonly Lazy<KnowledgeBase> Shared = new(Build);

    /// <summary>The seed knowledge, built once per process.</summary>
    public static KnowledgeBase Load() => Shared.Value;

    /// <summary>Builds the seed entities, for callers that add more (the news, owners) before indexing.</summary>
    public static (List<KnownEntity> Entities, List<ModelFamily> Families) ReadEntities()
    {
        using var facts = JsonDocument.Parse(ReadResource("facts.json"));
        using var lexicon = JsonDocument.Parse(ReadResource("lexicon.json"));
        var extraAliases = lexicon.RootElement.GetProperty("aliases").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList(), StringComparer.Ordinal);
        var unitOf = Strings(lexicon.RootElement.GetProperty("unitOf"));
        var ownedBy = Strings(lexicon.RootElement.GetProperty("ownedBy"));

        var orgs = new List<KnownEntity>();
        foreach (var org in facts.RootElement.GetProperty("orgs").EnumerateArray())
        {
            var name = DisplayName(Text(org, "name")!);
            orgs.Add(new KnownEntity
            {
                Id = Id(EntityKind.Org, name),
                Kind = EntityKind.Org,
                Name = name,
                Aliases = [.. Aliases(org, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(org)],
                Founded = Text(org, "founded"),
                Founders = [.. List(org, "founders")],
                Notes = Text(org, "notes"),
                Source = Text(org, "source"),
            });
        }

        foreach (var org in lexicon.RootElement.GetProperty("orgs").EnumerateArray())
        {
            var name = Text(org, "name")!;
            orgs.Add(new KnownEntity
            {
                Id = Id(EntityKind.Org, name),
                Kind = EntityKind.Org,
                Name = name,
                Aliases = [.. List(org, "aliases")],
                ArabicNames = [.. List(org, "arabic")],
            });
        }

        var orgIndex = new KnowledgeBase(orgs, []);
        orgs = [.. orgs.Select(o => o with
        {
            UnitOfId = unitOf.TryGetValue(o.Name, out var parent) ? orgIndex.Find(parent, EntityKind.Org)?.Id : null,
            OwnedById = ownedBy.TryGetValue(o.Name, out var owner) ? orgIndex.Find(owner, EntityKind.Org)?.Id : null,
        })];

        var entities = new List<KnownEntity>(orgs);
        foreach (var person in facts.RootElement.GetProperty("people").EnumerateArray())
        {
            var name = Text(person, "name")!;
            entities.Add(new KnownEntity
            {
                Id = Id(EntityKind.Person, name),
                Kind = EntityKind.Person,
                Name = name,
                Aliases = [.. Aliases(person, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(person)],
                Affiliations = [.. person.GetProperty("affiliations").EnumerateArray().Select(a => new Affiliation(
                    Text(a, "org")!, ResolveOrg(orgIndex, Text(a, "org")!)?.Id, Text(a, "role"), Text(a, "from"), Text(a, "to"), Text(a, "source")))],
                Notes = Text(person, "notes"),
            });
        }

        foreach (var model in facts.RootElement.GetProperty("models").EnumerateArray())
        {
            var name = DisplayName(Text(model, "name")!);
            entities.Add(new KnownEntity
            {
                Id = Id(EntityKind.Model, name),
                Kind = EntityKind.Model,
                Name = name,
                Aliases = [.. Aliases(model, extraAliases.GetValueOrDefault(name))],
                ArabicNames = [.. ArabicForms(model)],
                MakerId = ResolveOrg(orgIndex, Text(model, "org") ?? string.Empty)?.Id,
                Released = Text(model, "released"),
                Status = Text(model, "status"),
                Notes = Text(model, "notes"),
                Source = Text(model, "source"),
            });
        }

        var families = lexicon.RootElement.GetProperty("families").EnumerateArray()
            .Select(f => new ModelFamily(
                Text(f, "name")!,
                orgIndex.Find(Text(f, "org")!, EntityKind.Org)?.Id ?? throw new InvalidDataException($"lexicon.json: unknown maker of {Text(f, "name")}"),
                f.TryGetProperty("standalone", out var standalone) && standalone.GetBoolean()))
            .ToList();
        return (entities, families);
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

    private static KnowledgeBase Build()
    {
        var (entities, families) = ReadEntities();
        return new KnowledgeBase(entities, families);
    }

    private static string ReadResource(string name)
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
        var aliases = List(element, "aliases").Select(DisplayName).Concat(extra ?? []);

        // "Microsoft AI (MAI)": the part in brackets is a spelling too when it is one short word.
        var full = Text(element, "name") ?? string.Empty;
        var inside = ParentheticalPart().Match(full);
        if (inside.Success && !inside.Groups[1].Value.Contains(' ', StringComparison.Ordinal) && inside.Groups[1].Value.Length <= 6)
        {
            aliases = aliases.Append(inside.Groups[1].Value);
        }

        return aliases.Where(a => a.Length > 1).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ArabicForms(JsonElement element) =>
        element.TryGetProperty("arabic", out var arabic) && arabic.ValueKind == JsonValueKind.Array
            ? arabic.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? Text(a, "form") : a.GetString()).OfType<string>()
            : [];

    private static IEnumerable<string> List(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static string Id(EntityKind kind, string name) =>
        kind.ToString().ToLowerInvariant() + ":" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded));

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex ParentheticalPart();
}
