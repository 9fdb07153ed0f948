using System.Globalization;
using System.Net;
using System.Text;
using Radar.Bot.Chat;
using Radar.Feeds.Extraction;

namespace Radar.Bot.Telegram;

/// <summary>
/// All text Radar sends to Telegram goes through here: HTML parse mode, every feed-derived string
/// escaped (&amp; &lt; &gt; and quotes in attributes), at most 4096 visible characters cut between words.
/// </summary>
public static class TelegramFormatter
{
    public const int MaxLength = 4096;

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Alert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var head = new StringBuilder();
        head.Append("<b>").Append(Escape(alert.Headline ?? alert.Title)).Append("</b>\n");
        if (alert.Headline is not null)
        {
            head.Append(Escape(alert.Title)).Append('\n');
        }

        var tail = new StringBuilder();
        if (alert.Link is not null)
        {
            tail.Append("\n<a href=\"").Append(Escape(alert.Link)).Append("\">").Append(Escape(alert.Source)).Append("</a>");
        }
        else
        {
            tail.Append('\n').Append(Escape(alert.Source));
        }

        tail.Append(" · ").Append(alert.Published.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (alert.AlsoReportedBy() is { } also)
        {
            tail.Append("\n<i>").Append(Escape(also)).Append("</i>");
        }

        var tags = alert.Topics.Select(t => "#" + TopicText.Name(t)).Concat(alert.People).Concat(alert.Orgs).Concat(alert.Models).ToList();
        if (tags.Count > 0)
        {
            tail.Append('\n').Append(Escape(string.Join(" · ", tags)));
        }

        if (alert.Matched is not null)
        {
            tail.Append("\n<i>matched ").Append(Escape(alert.Matched)).Append("</i>");
        }

        // The summary takes what room is left; markup and entities do not count as visible text.
        var budget = MaxLength - Visible(head.ToString()) - Visible(tail.ToString()) - 1;
        return head + Escape(Cut(alert.Summary, budget)) + tail;
    }

    public static string Reply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var lines = reply.Lines.Concat(reply.Fields.Select(f => $"{f.Name}: {f.Value}")).Concat(new[] { reply.Url, reply.Footer }.OfType<string>());
        var body = string.Join('\n', lines);
        var title = (reply.IsError ? "⚠️ " : string.Empty) + reply.Title;
        return "<b>" + Escape(Cut(title, 200)) + "</b>\n" + Escape(Cut(body, MaxLength - Math.Min(title.Length, 200) - 2));
    }

    /// <summary>Telegram's limit on a photo's caption, in visible characters.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>A reply as a photo's HTML caption: the title in bold, then the lines, cut so that the visible text stays within <see cref="MaxCaptionLength"/>.</summary>
    public static string Caption(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var title = Cut(reply.Title, 200);
        var body = string.Join('\n', reply.Lines.Concat(new[] { reply.Footer }.OfType<string>()));
        return "<b>" + Escape(title) + "</b>\n" + Escape(Cut(body, MaxCaptionLength - title.Length - 1));
    }

    /// <summary>Text cut to <paramref name="length"/> characters at a word boundary, with an ellipsis.</summary>
    public static string Cut(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (length <= 0)
        {
            return string.Empty;
        }

        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, length - 2));
        return text[..(cut > length / 2 ? cut : length - 1)] + "…";
    }

    private static int Visible(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return WebUtility.HtmlDecode(text.ToString()).Length;
    }
}
