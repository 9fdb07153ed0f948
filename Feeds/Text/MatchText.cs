using System.Globalization;
using System.Text;

namespace Radar.Feeds.Text;

/// <summary>
/// Folds text for name and cue matching, whatever the script: Unicode NFKC then accents removed,
/// lower case, Arabic normalised (diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه),
/// and split into tokens on anything but letters and digits ("Qwen2.5-Max" → "qwen2.5", "max").
/// </summary>
public static class MatchText
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text, i) || IsInnerDot(text, i)))
            {
                i++;
            }

            var surface = text[start..i];
            var folded = Fold(surface);
            if (folded.Length > 0)
            {
                tokens.Add(new Token(surface, folded, start, i));
            }
        }

        return tokens;
    }

    /// <summary>The folded form of a whole name: its tokens joined by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokenize(text).Select(t => t.Folded));

    /// <summary>Folds one word: accents, case and Arabic spelling variants.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (System.Text.Ascii.IsValid(word))
        {
            return word.ToLowerInvariant(); // the common case, without the Unicode work
        }

        var decomposed = word.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format || c == '\u0640')
            {
                continue; // accents, Arabic harakat, tatweel, zero-width joiners
            }

            output.Append(c switch
            {
                '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // أ إ آ ٱ → ا
                '\u0649' => '\u064A', // ى → ي
                '\u0629' => '\u0647', // ة → ه
                'ß' => 's',
                _ => char.ToLowerInvariant(c),
            });
        }

        // FormD splits أ into ا + hamza above (a mark, dropped above), which is the folding we want.
        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    public static bool IsArabic(string word) => word.Length > 0 && word[0] is >= '\u0600' and <= '\u06FF';

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        // Combining marks (Arabic harakat, shadda) belong to the word they sit on.
        return i > 0 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u0640';
    }

    private static bool IsInnerDot(string text, int i) =>
        text[i] == '.' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
}
