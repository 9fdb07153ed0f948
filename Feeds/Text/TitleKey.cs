using System.Globalization;
using System.Text;

namespace Radar.Feeds.Text;

/// <summary>A title folded for comparison: case, accents, punctuation and spacing do not count.</summary>
public static class TitleKey
{
    public static string Normalize(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormKD);
        var output = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && output.Length > 0)
                {
                    output.Append(' ');
                }

                pendingSpace = false;
                output.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return output.ToString();
    }
}
