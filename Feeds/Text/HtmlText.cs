using System.Net;
using System.Text;

namespace Radar.Feeds.Text;

/// <summary>Turns the HTML that feeds put in titles and summaries into one line of plain text.</summary>
public static class HtmlText
{
    private static readonly string[] BlockTags = ["br", "p", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "blockquote"];

    /// <summary>Strips tags (and the content of script and style), decodes entities, folds white space.</summary>
    public static string ToPlainText(string? html, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        // Enough raw text for maxLength characters once tags, entities and spaces are gone; the
        // rest of a long article body is never scanned.
        var budget = maxLength >= int.MaxValue / 4 ? int.MaxValue : maxLength * 4;
        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html, budget) : html;
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);

            // Double-encoded markup ("&lt;b&gt;") shows as tags once decoded: strip those too.
            if (text.Contains('<', StringComparison.Ordinal))
            {
                text = StripTags(text, budget);
            }
        }

        return FoldWhiteSpace(text, maxLength);
    }

    /// <summary>The index of the '>' that closes a tag opened before <paramref name="from"/>: one inside a quoted attribute value (alt="1 > 0") does not.</summary>
    private static int TagEnd(string html, int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if ((c == '"' || c == '\'') && (html[i - 1] == '=' || char.IsWhiteSpace(html[i - 1])))
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return html.IndexOf('>', i + 1); // an unclosed quote: the first '>' after it, as browsers recover
                }

                i = close;
            }
        }

        return -1;
    }

    private static string StripTags(string html, int budget)
    {
        var output = new StringBuilder(Math.Min(html.Length, budget));
        var i = 0;
        while (i < html.Length && output.Length < budget)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !IsTagStart(html[i + 1]))
            {
                output.Append(c);
                i++;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var end = TagEnd(html, i + 1);
            if (end < 0)
            {
                break;
            }

            var name = TagName(html, i + 1, end);
            i = end + 1;
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var close = html.IndexOf(string.Concat("</", name), i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
            }
            else if (IsBlock(name))
            {
                output.Append(' '); // block-level tags separate words; inline tags do not
            }
        }

        return output.ToString();
    }

    private static bool IsTagStart(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    private static ReadOnlySpan<char> TagName(string html, int start, int end)
    {
        if (start < end && html[start] == '/')
        {
            start++;
        }

        var stop = start;
        while (stop < end && char.IsAsciiLetterOrDigit(html[stop]))
        {
            stop++;
        }

        return html.AsSpan(start, stop - start);
    }

    private static bool IsBlock(ReadOnlySpan<char> name)
    {
        foreach (var block in BlockTags)
        {
            if (name.Equals(block, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldWhiteSpace(string text, int maxLength)
    {
        var output = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = output.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            output.Append(c);
            if (output.Length >= maxLength)
            {
                break;
            }
        }

        return output.ToString();
    }
}
