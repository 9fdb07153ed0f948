using System.Text.RegularExpressions;

namespace Radar.Feeds.Summaries;

/// <summary>The opening of a story in its own language, at most about 300 characters, cut between words.</summary>
public static partial class ExtractiveSummary
{
    public const int MaxLength = 300;

    public static string Create(string summary, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = summary.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Whole sentences while they fit; else the first one cut at a word boundary.
        var kept = string.Empty;
        foreach (var sentence in SentenceEnd().Split(text))
        {
            var next = kept.Length == 0 ? sentence : kept + " " + sentence;
            if (next.Length > maxLength)
            {
                break;
            }

            kept = next;
        }

        if (kept.Length > 0)
        {
            return kept;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', ';', ':', '،') + "…";
    }

    /// <summary>The first sentence of a text (all of it when it has one).</summary>
    public static string FirstSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SentenceEnd().Split(text.Trim(), 2)[0];
    }

    [GeneratedRegex(@"(?<=[.!?؟])\s+")]
    private static partial Regex SentenceEnd();
}
