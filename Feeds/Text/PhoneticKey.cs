using System.Text;

namespace Radar.Feeds.Text;

/// <summary>
/// The consonant skeleton that the Latin and the Arabic spelling of one name share: "Shazeer" and
/// "شازير" are both <c>JSR</c>, "Zhang" and "تشانغ" both <c>JNK</c>. Vowels, w and y are dropped
/// (Arabic writes few vowels), and consonants fall into the classes Arabic transliteration keeps
/// apart: B (b p), F (f v ph), T (t th), D (d), S (s z), J (sh ch j zh, soft g), K (k c q g kh gh x),
/// H (h, ح, ه inside a word), L, M, N, R. Where one letter is read two ways (Latin g before e/i, j, ch, x; Arabic ج), every
/// reading is a key. Works on folded words (<see cref="MatchText.Fold"/>).
/// </summary>
public static class PhoneticKey
{
    private const int MaxKeys = 8;

    /// <summary>The keys of one folded word, Latin or Arabic.</summary>
    public static IReadOnlyList<string> Of(string folded) => Read(folded, MatchText.IsArabic(folded) ? ArabicStep : LatinStep);

    /// <summary>The vowels of one folded word in three classes (a, i, u), repeats merged: "Zhang" and "تشانغ" are both "a".</summary>
    public static string Vowels(string folded)
    {
        var output = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            char? vowel = folded[i] switch
            {
                'a' or '\u0627' => 'a',
                'e' or 'i' or 'y' or '\u064A' => 'i',
                'o' or 'u' or '\u0648' => 'u',
                _ => null,
            };

            // A و, ي or y that opens the word is a consonant (w, y), as in "وانغ", "يانغ", "Yang".
            if (vowel is { } v && !(i == 0 && folded[i] is '\u0648' or '\u064A' or 'y') && (output.Length == 0 || output[^1] != v))
            {
                output.Append(v);
            }
        }

        return output.ToString();
    }

    /// <summary>Reads a word letter by letter: each step gives the readings of the letters at <c>i</c> and how many letters it took.</summary>
    private static List<string> Read(string w, Func<string, int, (string[] Readings, int Length)> step)
    {
        var keys = new List<StringBuilder> { new() };
        for (var i = 0; i < w.Length;)
        {
            var (readings, length) = step(w, i);
            keys = Extend(keys, readings);
            i += length;
        }

        return Finish(keys);
    }

    private static (string[] Readings, int Length) LatinStep(string w, int i)
    {
        var c = w[i];
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        var soft = next is 'e' or 'i' or 'y';
        return c switch
        {
            's' when w.AsSpan(i).StartsWith("sch") => (["J"], 3),
            's' when next == 'h' => (["J"], 2),
            'c' when next == 'h' => (["J", "K"], 2),
            'c' when next == 'k' => (["K"], 2),
            'c' => (soft ? ["S"] : ["K"], 1),
            'z' when next == 'h' => (["J"], 2),
            't' when next == 'h' => (["T"], 2),
            'p' when next == 'h' => (["F"], 2),
            'g' when next == 'h' => (["K"], 2),
            'k' when next == 'h' => (["K"], 2),
            'g' => (soft ? ["J", "K"] : ["K"], 1),
            'j' => (["J", string.Empty], 1),
            // An h of its own is a consonant ("Haoxuan", "Zhihan"); after a vowel and before a consonant or the end it may be silent ("John", "Sarah", "Ahmed").
            'h' when i > 0 && IsLatinVowel(w[i - 1]) && (next == '\0' || !IsLatinVowel(next)) => (["H", string.Empty], 1),
            'h' => (["H"], 1),
            'q' => (["K", "J"], 1),
            'x' => (["KS", "J"], 1),
            'b' or 'p' => (["B"], 1),
            'f' or 'v' => (["F"], 1),
            't' => (["T"], 1),
            'd' => (["D"], 1),
            's' or 'z' => (["S"], 1),
            'k' => (["K"], 1),
            'l' => (["L"], 1),
            'm' => (["M"], 1),
            'n' => (["N"], 1),
            'r' => (["R"], 1),
            _ => ([string.Empty], 1),
        };
    }

    private static (string[] Readings, int Length) ArabicStep(string w, int i)
    {
        var c = w[i];
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        return c switch
        {
            'ت' when next == 'ش' => (["J"], 2),
            'ح' => (["H"], 1),
            'ه' when next != '\0' => (["H"], 1),
            'ب' or 'پ' => (["B"], 1),
            'ف' or 'ڤ' => (["F"], 1),
            'ت' or 'ط' or 'ث' => (["T"], 1),
            'د' or 'ض' or 'ذ' => (["D"], 1),
            'ز' or 'ظ' or 'س' or 'ص' => (["S"], 1),
            'ش' => (["J"], 1),
            'ج' => (["J", "K"], 1),
            'ك' or 'ق' or 'خ' or 'غ' or 'گ' => (["K"], 1),
            'ل' => (["L"], 1),
            'م' => (["M"], 1),
            'ن' => (["N"], 1),
            'ر' => (["R"], 1),
            _ => ([string.Empty], 1),
        };
    }

    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static List<StringBuilder> Extend(List<StringBuilder> keys, string[] readings)
    {
        if (readings.Length == 1)
        {
            foreach (var key in keys)
            {
                Append(key, readings[0]);
            }

            return keys;
        }

        var extended = new List<StringBuilder>(keys.Count * readings.Length);
        foreach (var key in keys)
        {
            foreach (var reading in readings)
            {
                if (extended.Count < MaxKeys)
                {
                    extended.Add(Append(new StringBuilder(key.ToString()), reading));
                }
            }
        }

        return extended;
    }

    /// <summary>Appends a reading, a consonant of the class just written merging with it ("tt", "sz").</summary>
    private static StringBuilder Append(StringBuilder key, string reading)
    {
        foreach (var c in reading)
        {
            if (key.Length == 0 || key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key;
    }

    private static List<string> Finish(List<StringBuilder> keys) => [.. keys.Select(k => k.ToString()).Distinct(StringComparer.Ordinal)];
}
