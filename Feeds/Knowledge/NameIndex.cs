using System.Collections.Frozen;
using System.Text;
using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// The knowledge base's people seen through their names' shapes: Arabic spellings matched to
/// Latin names by <see cref="PhoneticKey"/> ("يانغ سونغ" → Yang Song), Arabic names nobody knows
/// written in Latin letters from the name words the knowledge base uses ("جيان تشانغ" → Jian
/// Zhang), the given names that open people's names (so "Video Pioneer" is not taken for a person
/// and "Tim Brooks" is), and surnames that only one known person carries.
/// </summary>
public sealed class NameIndex
{
    /// <summary>Common given names of many languages (Data/given-names.txt), beside the knowledge base's own first names.</summary>
    private static readonly Lazy<FrozenSet<string>> CommonGivenNames = new(() => SeedKnowledge.ReadResource("given-names.txt")
        .Split('\n').Where(l => !l.StartsWith('#')).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(MatchText.Fold).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Name keys to the people they spell, each with how its name words sound (for <see cref="Closeness"/>).</summary>
    private readonly FrozenDictionary<string, (KnownEntity Person, string[] Sounds)[]> _fullNames;
    private readonly FrozenSet<string> _firstWordKeys;
    private readonly FrozenDictionary<string, (string Word, int Count)[]> _words;
    private readonly FrozenSet<string> _givenNames;
    private readonly FrozenDictionary<string, KnownEntity[]> _surnames;
    private readonly FrozenSet<string> _nameWords;

    public NameIndex(IEnumerable<KnownEntity> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var fullNames = new Dictionary<string, List<(KnownEntity, string[])>>(StringComparer.Ordinal);
        var words = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        var surnames = new Dictionary<string, List<KnownEntity>>(StringComparer.Ordinal);
        foreach (var person in people.Where(p => p.Kind == EntityKind.Person))
        {
            var tokens = MatchText.Tokenize(person.Name).Where(t => t.Folded.All(char.IsLetter) && t.Folded.Length > 1).ToList();
            if (tokens.Count < 2 || tokens.Count > 4 || tokens.Exists(t => MatchText.IsArabic(t.Folded)))
            {
                continue;
            }

            foreach (var arabic in person.ArabicNames)
            {
                var arabicTokens = MatchText.Tokenize(arabic);
                var last = arabicTokens.Count > 1 ? arabicTokens[^1] : null;
                if (last is not null && last.Folded.Length >= 3)
                {
                    (surnames.TryGetValue(last.Folded, out var arabicCarriers) ? arabicCarriers : surnames[last.Folded] = []).Add(person);
                }
            }

            given.Add(tokens[0].Folded);
            (surnames.TryGetValue(tokens[^1].Folded, out var carriers) ? carriers : surnames[tokens[^1].Folded] = []).Add(person);
            foreach (var token in tokens)
            {
                var counts = words.TryGetValue(token.Folded, out var found) ? found : words[token.Folded] = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[token.Surface] = counts.GetValueOrDefault(token.Surface) + 1;
            }

            // Arabic writes the given name and the family name: index those, and the whole name when it has a middle one.
            string[] firstLast = [tokens[0].Folded, tokens[^1].Folded];
            string[] all = [.. tokens.Select(t => t.Folded)];
            foreach (var spelled in tokens.Count > 2 ? [firstLast, all] : new[] { firstLast })
            {
                var sounds = spelled.Select(Sound).ToArray();
                foreach (var key in Keys(spelled))
                {
                    (fullNames.TryGetValue(key, out var list) ? list : fullNames[key] = []).Add((person, sounds));
                }
            }
        }

        _fullNames = fullNames.ToFrozenDictionary(p => p.Key, p => p.Value.DistinctBy(e => e.Item1.Id).ToArray(), StringComparer.Ordinal);
        _firstWordKeys = fullNames.Keys.Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)]).ToFrozenSet(StringComparer.Ordinal);
        _givenNames = given.ToFrozenSet(StringComparer.Ordinal);
        _surnames = surnames.ToFrozenDictionary(p => p.Key, p => p.Value.DistinctBy(e => e.Id).ToArray(), StringComparer.Ordinal);
        // The common given names count as name words too, once each ("Leila", "Layla").
        foreach (var name in CommonGivenNames.Value)
        {
            words.TryAdd(name, new Dictionary<string, int>(StringComparer.Ordinal) { [char.ToUpperInvariant(name[0]) + name[1..]] = 1 });
        }

        // Every Latin name word by its keys, with how many names carry it and its usual capitalisation.
        var byKey = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        foreach (var (folded, spellings) in words)
        {
            var surface = spellings.MaxBy(s => s.Value).Key;
            var count = spellings.Values.Sum();
            foreach (var key in PhoneticKey.Of(folded))
            {
                (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add((surface, count));
            }
        }

        _words = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _nameWords = words.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a folded word is a word of a known person's name ("brooks", "zhang").</summary>
    public bool IsNameWord(string folded) => _nameWords.Contains(folded);

    /// <summary>Whether a folded word opens the name of a known person ("tim", "yinfei") or is a common given name ("nora", "inès").</summary>
    public bool IsGivenName(string folded) => _givenNames.Contains(folded) || CommonGivenNames.Value.Contains(folded);

    /// <summary>How many known people carry this folded family name.</summary>
    public int CarriersOf(string foldedSurname) => _surnames.TryGetValue(foldedSurname, out var carriers) ? carriers.Length : 0;

    /// <summary>The one known person whose family name this folded word is (Latin or Arabic spelling), or null when none or several are.</summary>
    public KnownEntity? OnlyCarrierOf(string foldedSurname) =>
        _surnames.TryGetValue(foldedSurname, out var carriers) && carriers.Length == 1 ? carriers[0] : null;

    /// <summary>Whether a folded Arabic word's keys open some known person's name: the quick test before <see cref="MatchArabic"/>.</summary>
    public bool MayOpenName(string word) => PhoneticKey.Of(word).Any(_firstWordKeys.Contains);

    /// <summary>
    /// The known person an Arabic-script name (two or three folded words) spells, or null. All
    /// words' keys must match in order; among several such people the one whose vowels agree best
    /// wins, and a tie is no answer.
    /// </summary>
    public KnownEntity? MatchArabic(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < 2 || words.Any(w => w.Length < 2 || !MatchText.IsArabic(w)))
        {
            return null;
        }

        // Most word pairs of a text open no known name: the first word's keys tell at once.
        var firstKeys = PhoneticKey.Of(words[0]);
        if (!firstKeys.Any(_firstWordKeys.Contains) || firstKeys[0].Length + words.Skip(1).Sum(w => PhoneticKey.Of(w)[0].Length) < 3)
        {
            return null;
        }

        var readings = words.Select(w => Sound(Transliterate(w))).ToList();
        var scored = Keys(words).SelectMany(k => _fullNames.TryGetValue(k, out var people) ? people : []).DistinctBy(p => p.Person.Id)
            .Select(p => (p.Person, Distance: Closeness(readings, p.Sounds)))
            .Where(s => s.Distance >= 0)
            .OrderBy(s => s.Distance)
            .ToList();
        return scored.Count == 1 || (scored.Count > 1 && scored[0].Distance < scored[1].Distance) ? scored[0].Person : null;
    }

    /// <summary>
    /// An Arabic-script name in Latin letters: each word as the name word of the knowledge base that
    /// it spells (same key; nearest to the letter-by-letter reading, a more common word winning
    /// over one letter's difference: "يانغ" is Yang, not Wang; "تشانغ" Zhang), else letter by
    /// letter. Null when fewer than <paramref name="minimumKnown"/> words are known name words.
    /// </summary>
    public string? Romanize(IReadOnlyList<string> words, int minimumKnown = 0)
    {
        ArgumentNullException.ThrowIfNull(words);
        var output = new List<string>(words.Count);
        var known = 0;
        foreach (var word in words)
        {
            var reading = Sound(Transliterate(word));
            var best = PhoneticKey.Of(word).SelectMany(k => _words.TryGetValue(k, out var found) ? found : [])
                .Select(w => (w.Word, w.Count, Distance: KnowledgeBase.EditDistance(reading, Sound(w.Word))))
                .Where(w => w.Distance == 0 || (w.Distance == 1 && reading.Length >= 6))
                .OrderBy(w => (2 * w.Distance) - Math.Log10(w.Count + 1))
                .Select(w => w.Word)
                .FirstOrDefault();
            known += best is null ? 0 : 1;
            output.Add(best ?? Transliterate(word));
        }

        return known >= minimumKnown ? string.Join(' ', output) : null;
    }

    /// <summary>Letter by letter: "كريم" → "Karim".</summary>
    public static string Transliterate(string arabic)
    {
        ArgumentNullException.ThrowIfNull(arabic);
        var output = new StringBuilder();
        for (var i = 0; i < arabic.Length; i++)
        {
            var c = arabic[i];
            var first = i == 0;
            var beforeVowel = i + 1 < arabic.Length && arabic[i + 1] is 'ا' or 'و' or 'ي';
            output.Append(c switch
            {
                'ا' or 'آ' or 'أ' or 'إ' => "a",
                'و' => first || beforeVowel ? "w" : "u",
                'ي' or 'ى' => first || beforeVowel ? "y" : "i",
                'ب' or 'پ' => "b",
                'ت' when i + 1 < arabic.Length && arabic[i + 1] == 'ش' => string.Empty,
                'ش' when i > 0 && arabic[i - 1] == 'ت' => "ch",
                'ت' or 'ط' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' or 'ه' => output.Length == 0 || i + 1 < arabic.Length ? "h" : string.Empty,
                'خ' => "kh",
                'د' or 'ض' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' or 'ظ' => "z",
                'س' or 'ص' => "s",
                'ش' => "sh",
                'غ' => i > 0 && arabic[i - 1] == 'ن' ? "g" : "gh",
                'ف' or 'ڤ' => "f",
                'ق' => "q",
                'ك' or 'گ' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                _ => string.Empty,
            });
        }

        var text = output.ToString();
        return text.Length == 0 ? arabic : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Every key of a name: the words' keys in order, joined by '|'.</summary>
    private static IEnumerable<string> Keys(IReadOnlyList<string> words)
    {
        IEnumerable<string> keys = [string.Empty];
        for (var i = 0; i < words.Count; i++)
        {
            var wordKeys = PhoneticKey.Of(words[i]);
            var separator = i == 0 ? string.Empty : "|";
            keys = keys.SelectMany(k => wordKeys.Select(w => k + separator + w)).Take(16).ToList();
        }

        return keys;
    }

    /// <summary>How far the Arabic words' readings are from a person's name words (as they sound), word by word; -1 when a word is too far to be the same name.</summary>
    private static int Closeness(List<string> readings, string[] sounds)
    {
        var total = 0;
        for (var i = 0; i < readings.Count && i < sounds.Length; i++)
        {
            var distance = KnowledgeBase.EditDistance(readings[i], sounds[i]);
            if (distance > Math.Max(sounds[i].Length, readings[i].Length) / 4)
            {
                return -1;
            }

            total += distance;
        }

        return total;
    }

    /// <summary>
    /// A spelling reduced to how it sounds, so that a reading of Arabic letters and a Latin name
    /// compare: "hawkswan" and "haoxuan" are both "auksuan"; "zh", "ch", "sh" and "j" are one sound.
    /// </summary>
    internal static string Sound(string word)
    {
        var folded = MatchText.Fold(word);
        var output = new StringBuilder(folded.Length + 2);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            string sound;
            if (next == 'h' && c is 'z' or 'c' or 's' or 'k' or 'g' or 't' or 'p' or 'd')
            {
                sound = c switch { 'k' or 'g' => "k", 't' or 'd' => "t", 'p' => "f", _ => "j" };
                i++;
            }
            else
            {
                sound = c switch
                {
                    'w' or 'o' => "u",
                    'y' or 'e' => "i",
                    'x' => "ks",
                    'q' or 'c' => "k",
                    'z' => "s",
                    'v' => "f",
                    'p' => "b",
                    _ => char.IsLetter(c) ? c.ToString() : string.Empty,
                };
            }

            foreach (var s in sound)
            {
                if (output.Length == 0 || output[^1] != s)
                {
                    output.Append(s);
                }
            }
        }

        return output.ToString();
    }
}
