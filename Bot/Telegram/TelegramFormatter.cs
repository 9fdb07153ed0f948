using System.Globalization;
using System.Net;
using System.Text;
using Radar.Bot.Chat;
using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Bot.Telegram;

/// <summary>
/// All text Radar sends to Telegram goes through here: HTML parse mode, every feed-derived string
/// escaped (&amp; &lt; &gt; and quotes in attributes), at most 4096 visible characters cut between words.
/// </summary>
public static class TelegramFormatter
{
    public const int MaxLength = 4096;

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// An alert in the channel's style. Text with Arabic has its Latin runs isolated, and an Arabic
    /// channel's labels are Arabic, so every line of an Arabic alert reads right to left.
    /// </summary>
    public static string Alert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var words = AlertWords.For(alert.Language);
        var headline = Text(alert.Headline ?? alert.Title);
        var source = alert.Link is null ? Text(alert.Source) : $"<a href=\"{Escape(alert.Link)}\">{Text(alert.Source)}</a>";
        var stage = alert.TierNote is null ? string.Empty : $"<i>{Text(alert.TierNote)}</i>\n";
        var follows = alert.Follows is null ? string.Empty : Text(alert.Follows) + "\n";
        if (alert.Style == AlertStyle.Headline)
        {
            var link = alert.Link is null ? $"<b>{headline}</b>" : $"<b><a href=\"{Escape(alert.Link)}\">{headline}</a></b>";
            return link + (alert.TierNote is null ? string.Empty : $" · <i>{Text(alert.TierNote)}</i>");
        }

        if (alert.Style == AlertStyle.Compact)
        {
            var line = alert.SummaryLine();
            return $"<b>{headline}</b>\n" + stage + (line.Length == 0 ? string.Empty : Text(line) + "\n") + Labelled(alert.Language, words.Source, source);
        }

        var head = new StringBuilder();
        head.Append("<b>").Append(headline).Append("</b>\n").Append(stage).Append(follows);
        if (alert.Headline is not null)
        {
            head.Append(Text(alert.Title)).Append('\n');
        }

        var tail = new StringBuilder("\n");
        tail.Append(Labelled(alert.Language, words.Source, source + " · " + Text(alert.Published.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))));
        if (alert.AlsoReportedBy() is { } also)
        {
            tail.Append("\n<i>").Append(Text(also)).Append("</i>");
        }

        var tags = alert.Topics.Select(t => "#" + TopicText.Name(t)).Concat(alert.People).Concat(alert.Orgs).Concat(alert.Models).ToList();
        if (tags.Count > 0)
        {
            tail.Append('\n').Append(Labelled(alert.Language, words.Tags, Text(string.Join(" · ", tags))));
        }

        if (alert.Matched is not null)
        {
            tail.Append("\n<i>").Append(Text(words.Matched + " " + alert.Matched)).Append("</i>");
        }

        // The summary takes what room is left; markup and entities do not count as visible text.
        var budget = MaxLength - Visible(head.ToString()) - Visible(tail.ToString()) - 1;
        return head + Text(Cut(alert.Summary, budget)) + tail;
    }

    /// <summary>Feed or Radar text, isolated for right-to-left reading when it has Arabic, then escaped.</summary>
    private static string Text(string text) => Escape(Bidi.IsolateLeftToRight(text));

    /// <summary>A line of Latin-only content (a source, tags) opens with an Arabic label in an Arabic channel, and the content is isolated.</summary>
    private static string Labelled(string language, string label, string html) =>
        language == "ar" ? $"{Escape(label)} {Bidi.Isolate}{html}{Bidi.PopIsolate}" : html;

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
