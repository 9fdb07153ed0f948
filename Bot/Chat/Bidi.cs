using System.Text;

namespace Radar.Bot.Chat;

/// <summary>
/// Right-to-left safety for mixed text: inside text that has Arabic letters, every run of
/// left-to-right words (a Latin name, "GPT-5", "Meta → Mistral AI") is wrapped in Unicode's
/// first-strong isolate (U+2068 … U+2069). The run then lays out on its own, and a paragraph that
/// starts with a Latin name still reads right to left, as its Arabic says.
/// </summary>
public static class Bidi
{
    public const char Isolate = '\u2068';
    public const char PopIsolate = '\u2069';

    public static bool HasRightToLeft(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(IsRightToLeft);
    }

    /// <summary>The text with its left-to-right runs isolated; text without Arabic comes back as it is.</summary>
    public static string IsolateLeftToRight(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasRightToLeft(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLeftToRight(text[i]))
            {
                output.Append(text[i++]);
                continue;
            }

            // The run goes on to the next right-to-left letter or line, and ends on its last letter or digit.
            var end = i;
            var last = i;
            while (end < text.Length && !IsRightToLeft(text[end]) && text[end] != '\n' && text[end] != Isolate)
            {
                if (char.IsLetterOrDigit(text[end]) || text[end] is ')' or '"' or '»' or '”')
                {
                    last = end;
                }

                end++;
            }

            output.Append(Isolate).Append(text, i, last + 1 - i).Append(PopIsolate);
            i = last + 1;
        }

        return output.ToString();
    }

    private static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' && char.IsLetter(c);

    private static bool IsLeftToRight(char c) => char.IsLetter(c) && !IsRightToLeft(c);
}
