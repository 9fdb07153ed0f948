using System.Collections.Frozen;

namespace Radar.Feeds.Text;

/// <summary>
/// Guesses an ISO 639-1 code from the text's script, then, for Latin script, from common stop words.
/// Cheap and good enough to route news: it never needs more than a title and a summary.
/// </summary>
public static class LanguageDetector
{
    public const string Undetermined = "und";

    private static readonly FrozenDictionary<string, string> StopWords = BuildStopWords();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly char[] WordPunctuation = ",.;:!?\"'()«»“”’".ToCharArray();

    /// <summary>A language code from a feed's own declaration ("en-US", "fr_FR"), or null.</summary>
    public static string? FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        var code = hint.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    public static string Detect(string text)
    {
        int latin = 0, arabic = 0, persianUrdu = 0, cyrillic = 0, greek = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F': latin++; break;
                case '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9' or '\u06CC' or '\u06D2' or '\u0679' or '\u0688' or '\u0691':
                    arabic++;
                    persianUrdu++;
                    break;
                case >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF': arabic++; break;
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
            }
        }

        var (script, count) = new[]
        {
            ("latin", latin), ("arabic", arabic), ("cyrillic", cyrillic), ("greek", greek), ("hebrew", hebrew),
            ("cjk", han + kana), ("hangul", hangul), ("thai", thai),
        }.MaxBy(pair => pair.Item2);

        if (count == 0)
        {
            return Undetermined;
        }

        return script switch
        {
            // Persian and Urdu share the script; their own letters tell them apart from Arabic.
            "arabic" => persianUrdu * 20 > arabic ? (text.Contains('\u06D2', StringComparison.Ordinal) ? "ur" : "fa") : "ar",
            "cyrillic" => "ru",
            "greek" => "el",
            "hebrew" => "he",
            "cjk" => kana > 0 ? "ja" : "zh",
            "hangul" => "ko",
            "thai" => "th",
            _ => DetectLatin(text),
        };
    }

    private static string DetectLatin(string text)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        Span<char> lower = stackalloc char[32];
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range).Trim().Trim(WordPunctuation);
            if (word.Length == 0 || word.Length > lower.Length)
            {
                continue;
            }

            var folded = lower[..word.ToLowerInvariant(lower)];
            if (StopWordSpans.TryGetValue(folded, out var language))
            {
                scores[language] = scores.GetValueOrDefault(language) + 1;
            }

            // French elision: l'équipe, d'OpenAI, qu'il.
            if (folded.Length > 2 && folded[1] is '\'' or '’' && folded[0] is 'l' or 'd' or 'j' or 'n' or 's' or 'c' or 'm' or 't')
            {
                scores["fr"] = scores.GetValueOrDefault("fr") + 1;
            }
        }

        return scores.Count == 0 ? "en" : scores.MaxBy(pair => pair.Value).Key;
    }

    private static FrozenDictionary<string, string> BuildStopWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string language, string list)
        {
            foreach (var word in list.Split(' '))
            {
                words.TryAdd(word, language);
            }
        }

        Add("en", "the of and to in is for on with that by from at as are was its it an be has have this will after new who which said says");
        Add("fr", "le la les de des du en un une et est pour dans sur au aux avec qui que par ses son sont été nouveau nouvelle selon chez après");
        Add("de", "der die das und ist nicht mit von den dem zu ein eine für auf sich auch wird bei");
        Add("es", "el los las del y en por con para una es se su al como más pero según");
        Add("pt", "o os as do da dos das em um uma para com não por mais foi são pelo pela");
        Add("it", "il lo gli della di che è per con non una sono alla nel");
        Add("nl", "het een van en de dat niet zijn op voor met ook");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
