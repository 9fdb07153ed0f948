using System.Net;
using System.Text;

namespace Radar.Feeds.Text;

/// <summary>Turns the HTML that feeds put in titles and summaries into one line of plain text.</summary>
public static class HtmlText
{
    /// <summary>Strips tags (and the content of script and style), decodes entities, folds white space.</summary>
    public static string ToPlainText(string? html, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html) : html;
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);

            // Double-encoded markup ("&lt;b&gt;") shows as tags once decoded: strip those too.
            if (text.Contains('<', StringComparison.Ordinal))
            {
                text = StripTags(text);
            }
        }

        return FoldWhiteSpace(text, maxLength);
    }

    private static string StripTags(string html)
    {
        var output = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
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

            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                break;
            }

            var name = TagName(html, i + 1, end);
            i = end + 1;
            if (name is "script" or "style")
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                if (i == 0)
                {
                    i = html.Length;
                }
            }

            // Block-level tags separate words; inline tags do not.
            if (name is "br" or "p" or "div" or "li" or "tr" or "td" or "h1" or "h2" or "h3" or "h4" or "blockquote")
            {
                output.Append(' ');
            }
        }

        return output.ToString();
    }

    private static bool IsTagStart(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    private static string TagName(string html, int start, int end)
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

        return html[start..stop].ToLowerInvariant();
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
