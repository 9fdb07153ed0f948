using System.Collections.Frozen;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// People, organisations and models with all their spellings, and one matcher that finds every alias
/// of every entity in a single pass over a text.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, KnownEntity> _byId;
    private readonly TokenTrie<KnownEntity> _aliases = new();
    private readonly TokenTrie<ModelFamily> _families = new();
    private readonly (ModelFamily Family, string Folded)[] _foldedFamilies;
    private ILookup<string, KnownEntity>? _authors;
    private ILookup<string, KnownEntity>? _peopleByName;
    private FrozenDictionary<string, KnownEntity>? _byIdentifier;
    private NameIndex? _names;

    public KnowledgeBase(IEnumerable<KnownEntity> entities, IEnumerable<ModelFamily> families)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(families);
        _byId = entities.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var entity in _byId.Values)
        {
            foreach (var spelling in entity.Aliases.Prepend(entity.Name).Concat(entity.ArabicNames))
            {
                _aliases.Add(spelling, entity);
            }
        }

        Families = [.. families];
        _foldedFamilies = [.. Families.Select(f => (f, MatchText.Fold(f.Name)))];
        foreach (var family in Families)
        {
            foreach (var spelling in family.ArabicNames.Prepend(family.Name))
            {
                _families.Add(spelling, family);
            }
        }
    }

    public IReadOnlyCollection<KnownEntity> Entities => _byId.Values;

    /// <summary>The authors of each model (by the model's name), from the paper trails.</summary>
    public ILookup<string, KnownEntity> Authors => _authors ??= _byId.Values.Where(e => e.Appearances.Count > 0)
        .SelectMany(p => p.Appearances.Select(a => (a.Model, Person: p)))
        .ToLookup(a => a.Model, a => a.Person, StringComparer.Ordinal);

    public IReadOnlyList<ModelFamily> Families { get; }

    /// <summary>The people's names by shape: across scripts, given names, surnames (built on first use).</summary>
    public NameIndex Names => _names ??= new NameIndex(_byId.Values);

    /// <summary>How many spellings the matcher holds.</summary>
    public int AliasCount => _aliases.Count;

    /// <summary>The people one of whose spellings is this name exactly (normalised: case, accents, punctuation); several when the name is shared.</summary>
    public IEnumerable<KnownEntity> PeopleNamed(string name) =>
        (_peopleByName ??= _byId.Values.Where(e => e.Kind == EntityKind.Person)
            .SelectMany(p => p.Aliases.Prepend(p.Name).Select(MatchText.Normalize).Distinct(StringComparer.Ordinal).Select(spelling => (Spelling: spelling, Person: p)))
            .ToLookup(s => s.Spelling, s => s.Person, StringComparer.Ordinal))[MatchText.Normalize(name)];

    /// <summary>The person with this ORCID iD, or the organisation with this ROR id, as papers taught them; null when none.</summary>
    public KnownEntity? ByIdentifier(string? orcidOrRor)
    {
        if (orcidOrRor is null)
        {
            return null;
        }

        _byIdentifier ??= _byId.Values.Select(e => (Key: e.Orcid ?? e.Ror, Entity: e)).Where(p => p.Key is not null)
            .DistinctBy(p => p.Key, StringComparer.Ordinal).ToFrozenDictionary(p => p.Key!, p => p.Entity, StringComparer.Ordinal);
        return _byIdentifier.GetValueOrDefault(orcidOrRor);
    }

    public KnownEntity? Get(string? id) => id is not null && _byId.TryGetValue(id, out var entity) ? entity : null;

    /// <summary>The entity a name stands for exactly (any spelling, any script), or null.</summary>
    public KnownEntity? Find(string name, EntityKind? kind = null)
    {
        var tokens = MatchText.Tokenize(name);
        if (tokens.Count == 0 || !tokens.Any(t => t.Folded.Any(char.IsLetter)))
        {
            return null; // "%00", "2024": no name is only digits and signs
        }

        var match = _aliases.LongestAt(tokens, 0);
        return match is null || match.End != tokens.Count ? null : Choose(match.Values, kind);
    }

    /// <summary>
    /// The entities a name may stand for when it is not an exact spelling: every one whose spelling
    /// has a word starting with each of the query's words ("Lample", "lamp"), else the closest spellings by edit distance
    /// ("Guillame Lample"), best first.
    /// </summary>
    public List<KnownEntity> Suggest(string name, EntityKind? kind = null, int max = 5)
    {
        var query = MatchText.Normalize(name);
        if (query.Length == 0)
        {
            return [];
        }

        var words = query.Split(' ');
        var spellings = _byId.Values.Where(e => kind is null || e.Kind == kind)
            .SelectMany(e => e.Aliases.Prepend(e.Name).Concat(e.ArabicNames).Select(a => (Entity: e, Spelling: MatchText.Normalize(a))))
            .ToList();
        // Every query word begins a word of the spelling: "Lample", "lamp", "guil lam".
        var containing = spellings.Where(s => words.All(w => s.Spelling.Split(' ').Any(part => part.StartsWith(w, StringComparison.Ordinal))))
            .Select(s => s.Entity).DistinctBy(e => e.Id).Take(max).ToList();
        if (containing.Count > 0)
        {
            return containing;
        }

        var allowed = Math.Max(2, query.Length / 5);
        return [.. spellings
            .Select(s => (s.Entity, Distance: EditDistance(query, s.Spelling)))
            .Where(s => s.Distance <= allowed)
            .OrderBy(s => s.Distance)
            .Select(s => s.Entity)
            .DistinctBy(e => e.Id)
            .Take(max)];
    }

    /// <summary>
    /// A typed name resolved as commands, the dashboard and the charts all resolve names: an exact
    /// spelling, or what <paramref name="accept"/> also takes; else the candidates when several fit,
    /// or up to <paramref name="max"/> closest spellings to offer.
    /// </summary>
    public NameLookup Lookup(string name, EntityKind? kind = null, NameAcceptance accept = NameAcceptance.Exact, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Any(char.IsLetter))
        {
            return new NameLookup(name, null, [], Ambiguous: false); // "%00", "2024": no name is only digits and signs
        }

        if (Find(name, kind) is { } exact)
        {
            return new NameLookup(name, exact, [], Ambiguous: false);
        }

        var candidates = Suggest(name, kind, max);
        if (candidates.Count == 1 && (accept == NameAcceptance.OnlyCandidate || (accept == NameAcceptance.WholeWords && HasWholeWords(candidates[0], name))))
        {
            return new NameLookup(name, candidates[0], [], Ambiguous: false);
        }

        // Nothing or one candidate not taken: offer it, then the closest spellings.
        return candidates.Count > 1
            ? new NameLookup(name, null, candidates, Ambiguous: true)
            : new NameLookup(name, null, [.. candidates.Concat(Closest(name, kind)).DistinctBy(e => e.Id).Take(max)], Ambiguous: false);
    }

    /// <summary>Whether every word of <paramref name="name"/> is a whole word of one of the entity's spellings ("Lample", not "Lampl").</summary>
    private static bool HasWholeWords(KnownEntity entity, string name)
    {
        var words = MatchText.Normalize(name).Split(' ');
        return entity.Aliases.Prepend(entity.Name).Concat(entity.ArabicNames).Any(spelling => words.All(MatchText.Normalize(spelling).Split(' ').Contains));
    }

    /// <summary>The closest spellings whatever the distance, for "did you mean".</summary>
    private List<KnownEntity> Closest(string name, EntityKind? kind = null, int max = 3)
    {
        var query = MatchText.Normalize(name);
        return [.. _byId.Values.Where(e => kind is null || e.Kind == kind)
            .Select(e => (Entity: e, Distance: e.Aliases.Prepend(e.Name).Concat(e.ArabicNames).Min(a => EditDistance(query, MatchText.Normalize(a)))))
            .OrderBy(s => s.Distance)
            .Take(max)
            .Select(s => s.Entity)];
    }

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The organisation alerts name for this one: the parent of a unit, else itself.</summary>
    public KnownEntity OutputOrg(KnownEntity org) => Get(org.UnitOfId) ?? org;

    /// <summary>The company an organisation belongs to at the top (Google for Google DeepMind and Google Brain), for telling real moves from moves inside one company.</summary>
    public KnownEntity Root(KnownEntity org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var current = org;
        for (var depth = 0; depth < 8 && Get(current.UnitOfId ?? current.OwnedById) is { } parent; depth++)
        {
            current = parent;
        }

        return current;
    }

    /// <summary>Every entity mention in the tokens, longest spelling first, without overlaps.</summary>
    public List<Mention> FindMentions(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var mentions = new List<Mention>();
        bool? shouting = null;
        foreach (var match in _aliases.FindAll(tokens))
        {
            var values = match.Values;
            if (!values.All(e => e.Match == MatchRule.Any))
            {
                var cased = IsWrittenWithCapitals(tokens, match) || (shouting ??= IsShouting(tokens));
                values = [.. values.Where(e => e.Match == MatchRule.Any || (e.Match == MatchRule.Cased && cased))];
            }

            var entity = Choose(values, null);
            if (entity is { Kind: EntityKind.Org } && match.End < tokens.Count && tokens[match.End].Folded is "license" or "licence" or "licensed" or "licenses")
            {
                continue; // "under an MIT license" names a licence, not the university
            }

            if (entity is not null && !IsCaseMismatch(entity, tokens, match))
            {
                mentions.Add(new Mention(entity, match.Start, match.End));
            }
        }

        return mentions;
    }

    /// <summary>"OPENAI RELEASES O3-PRO": a title in capitals says nothing about which words are names.</summary>
    internal static bool IsShouting(IReadOnlyList<Token> tokens)
    {
        int words = 0, upper = 0;
        foreach (var token in tokens)
        {
            var surface = token.Surface;
            if (MatchText.IsArabic(surface) || !surface.Any(char.IsLetter))
            {
                continue;
            }

            words++;
            upper += surface.Any(char.IsLower) ? 0 : 1;
        }

        return words >= 3 && upper * 10 >= words * 8;
    }

    private static bool IsWrittenWithCapitals(IReadOnlyList<Token> tokens, TrieMatch<KnownEntity> match)
    {
        for (var i = match.Start; i < match.End; i++)
        {
            var surface = tokens[i].Surface;
            if (!MatchText.IsArabic(surface) && !char.IsUpper(surface[0]) && !char.IsDigit(surface[0]) && surface.Length > 3)
            {
                return false; // "de", "van", "bin" inside names stay lower case
            }
        }

        return true;
    }

    /// <summary>The family name starting at token <paramref name="start"/> ("Claude", "Qwen2.5" → Qwen), or null.</summary>
    public (ModelFamily Family, int End)? FamilyAt(IReadOnlyList<Token> tokens, int start)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var match = _families.LongestAt(tokens, start);
        if (match is not null)
        {
            return (match.Values[0], match.End);
        }

        // Glued versions: "Qwen2.5", "GPT4o", "Llama3".
        var word = tokens[start].Folded;
        if (word.Length < 2 || !char.IsDigit(word[^1]) && !word.Any(char.IsDigit))
        {
            return null;
        }

        foreach (var (family, name) in _foldedFamilies)
        {
            if (word.Length > name.Length && word.StartsWith(name, StringComparison.Ordinal) && char.IsDigit(word[name.Length]))
            {
                return (family, start + 1);
            }
        }

        return null;
    }

    /// <summary>Several entities share a spelling: an organisation beats a model ("DeepSeek"), a family root beats its members ("لاما").</summary>
    private static KnownEntity? Choose(IReadOnlyList<KnownEntity> candidates, EntityKind? kind)
    {
        var pool = kind is null ? candidates : [.. candidates.Where(c => c.Kind == kind)];
        if (pool.Count <= 1)
        {
            return pool.Count == 1 ? pool[0] : null;
        }

        var people = pool.Where(c => c.Kind == EntityKind.Person).ToList();
        if (people.Count == 1)
        {
            return people[0];
        }

        var org = pool.FirstOrDefault(c => c.Kind == EntityKind.Org);
        if (org is not null)
        {
            return org;
        }

        // A spelling shared by a whole model family names its root, when there is one (LLaMA).
        return pool.Where(c => c.Kind == EntityKind.Model && !c.Name.Any(char.IsDigit)).OrderBy(c => c.Released, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Short all-capital spellings (EU, FAIR, SSI) only count when written in capitals.</summary>
    private static bool IsCaseMismatch(KnownEntity entity, IReadOnlyList<Token> tokens, TrieMatch<KnownEntity> match)
    {
        if (match.End - match.Start != 1)
        {
            return false;
        }

        var surface = tokens[match.Start].Surface;
        if (surface.Length > 4 || !surface.All(char.IsLetter) || MatchText.IsArabic(surface))
        {
            return false;
        }

        var capitalSpelling = entity.Aliases.Prepend(entity.Name).Any(a => a.Length <= 4 && a.All(char.IsUpper) && MatchText.Fold(a) == tokens[match.Start].Folded);
        return capitalSpelling && !surface.All(char.IsUpper);
    }
}
