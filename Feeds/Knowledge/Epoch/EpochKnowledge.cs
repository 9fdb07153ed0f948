using System.Text.RegularExpressions;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge.Epoch;

/// <summary>
/// Adds Epoch AI's dataset to the entities: every organisation (merged into the catalogue's
/// companies and units), every model (with its makers, date, link, accessibility, parameters and
/// family), and every author as a person with a dated paper trail. Names from the dataset count in
/// news text only as written with capitals, full names only, and never when they are common words.
/// </summary>
internal static partial class EpochKnowledge
{
    public static void Merge(EpochSnapshot snapshot, EntityCollection entities, IReadOnlyDictionary<string, string> datasetSpellings)
    {
        var common = snapshot.CommonWords.ToHashSet(StringComparer.Ordinal);
        var orgIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var org in snapshot.Orgs)
        {
            var (name, aliases) = OrgNames(org.Name);
            var existing = datasetSpellings.TryGetValue(org.Name, out var id) ? entities.Get(id)
                : entities.Find(EntityKind.Org, name) ?? aliases.Select(a => entities.Find(EntityKind.Org, a)).FirstOrDefault(e => e is not null);
            var entity = (existing ?? new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Org, name),
                Kind = EntityKind.Org,
                Name = name,
                Source = EpochImporter.Source,
                Match = Rule(name, common),
            }).WithAliases(aliases.Append(org.Name));
            entity = entities.Put(entity with
            {
                OrgKind = entity.OrgKind ?? org.Kind?.ToLowerInvariant(),
                Country = entity.Country ?? Country(org.Country),
                FromDataset = true,
            });
            orgIds[org.Name] = entity.Id;
        }

        var trails = new Dictionary<string, List<Appearance>>(StringComparer.Ordinal);
        foreach (var model in snapshot.Models)
        {
            var makers = model.Orgs.Select(o => orgIds.GetValueOrDefault(o)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var (name, aliases) = ModelNames(model.Name);
            var existing = entities.Find(EntityKind.Model, model.Name) ?? entities.Find(EntityKind.Model, name);
            var entity = existing ?? new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Model, name),
                Kind = EntityKind.Model,
                Name = name,
                Aliases = aliases,
                Match = ModelRule(name, common),
            };
            entities.Put(entity with
            {
                MakerId = entity.MakerId ?? makers.FirstOrDefault(),
                MakerIds = makers,
                Released = entity.Released ?? model.Date,
                Source = entity.Source ?? model.Link,
                Accessibility = model.Access,
                Parameters = model.Parameters,
                Family = entity.Family ?? FamilyOf(name),
                FromDataset = true,
            });
            if (model.Date is null)
            {
                continue; // an undated appearance says nothing about when
            }

            foreach (var author in model.Authors)
            {
                var trail = trails.TryGetValue(author, out var list) ? list : trails[author] = [];
                trail.Add(new Appearance(name, makers, model.Date, model.Link));
            }
        }

        foreach (var (author, trail) in trails)
        {
            trail.Sort((a, b) => string.CompareOrdinal(a.Date, b.Date));
            var existing = entities.Find(EntityKind.Person, author);
            var person = existing ?? new KnownEntity
            {
                Id = EntityCollection.Id(EntityKind.Person, author),
                Kind = EntityKind.Person,
                Name = author,
                Match = MatchText.Tokenize(author).All(t => common.Contains(t.Folded) || t.Folded.Length < 2) ? MatchRule.Never : MatchRule.Cased,
            };
            entities.Put(person with { Appearances = [.. person.Appearances.Concat(trail)], FromDataset = true });
        }
    }

    /// <summary>"Carnegie Mellon University (CMU)" → name and the short form; "University of Montreal / Université de Montréal" → both.</summary>
    internal static (string Name, List<string> Aliases) OrgNames(string cell)
    {
        var aliases = new List<string>();
        var inside = Parenthetical().Match(cell);
        if (inside.Success && inside.Groups[1].Value.Length <= 12 && !inside.Groups[1].Value.StartsWith("originally", StringComparison.Ordinal))
        {
            aliases.Add(inside.Groups[1].Value);
        }

        var parts = Parenthetical().Replace(cell, string.Empty).Split(" / ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        aliases.AddRange(parts.Skip(1));
        return (parts[0].Trim(), aliases);
    }

    /// <summary>"Gopher (280B)" → "Gopher", also written "Gopher 280B".</summary>
    internal static (string Name, List<string> Aliases) ModelNames(string cell)
    {
        var inside = Parenthetical().Match(cell);
        var name = Parenthetical().Replace(cell, string.Empty).Trim();
        return (name.Length > 0 ? name : cell, inside.Success && name.Length > 0 ? [name + " " + inside.Groups[1].Value, cell] : []);
    }

    /// <summary>"Llama 3.1-405B" → "Llama 3.1"; "Mixtral 8x22B" → "Mixtral"; null when the name carries no size.</summary>
    internal static string? FamilyOf(string name)
    {
        var family = SizeSuffix().Replace(name, string.Empty).Trim(' ', '-');
        return family.Length > 0 && family != name ? family : null;
    }

    private static MatchRule Rule(string name, HashSet<string> common)
    {
        var tokens = MatchText.Tokenize(name);
        return tokens.Count == 0 || tokens.All(t => common.Contains(t.Folded)) || (tokens.Count == 1 && tokens[0].Folded.Length <= 2) ? MatchRule.Never : MatchRule.Cased;
    }

    /// <summary>A model name with a digit or an inner capital ("GPT-2", "AlexNet") is distinctive in any case; a plain word needs its capital, and a common one is never matched alone.</summary>
    private static MatchRule ModelRule(string name, HashSet<string> common)
    {
        var rule = Rule(name, common);
        var distinctive = name.Any(char.IsDigit) || name.Skip(1).Any(char.IsUpper);
        return rule == MatchRule.Cased && distinctive && MatchText.Tokenize(name).Any(t => t.Folded.Length >= 3) ? MatchRule.Any : rule;
    }

    private static string? Country(string? country) => country switch
    {
        "United States of America" => "United States",
        "United Kingdom of Great Britain and Northern Ireland" => "United Kingdom",
        "Korea (Republic of)" => "South Korea",
        "Multinational" or null or "" => country is "" ? null : country,
        _ => country,
    };

    [GeneratedRegex(@"\s*\(([^)]*)\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"[\s-]+(\d+x)?\d+(\.\d+)?[BMKT]$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeSuffix();
}
