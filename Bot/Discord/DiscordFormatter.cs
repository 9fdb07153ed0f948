using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Discord.Models;
using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Bot.Discord;

/// <summary>
/// All text Radar sends to Discord goes through here: an embed per alert within Discord's limits
/// (title 256, description 4096, field 1024, footer 2048, 6000 in all), cut on grapheme and word
/// boundaries, and <c>allowed_mentions</c> with an empty parse list so feed text never pings anyone.
/// </summary>
public static class DiscordFormatter
{
    public const int TitleLimit = 256;
    public const int DescriptionLimit = 4096;
    public const int FieldLimit = 1024;
    public const int FooterLimit = 2048;
    public const int TotalLimit = 6000;
    public const int ContentLimit = 2000;

    /// <summary>
    /// An alert in the channel's style, as one embed. Text with Arabic has its Latin runs isolated
    /// and an Arabic channel's labels are Arabic. The only mention is the role the subscription
    /// opted into, in the content, with <c>allowed_mentions</c> naming that role alone.
    /// </summary>
    public static DiscordMessageCreate Alert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var words = AlertWords.For(alert.Language);
        var title = Cut(Bidi.IsolateLeftToRight(alert.Headline ?? alert.Title), TitleLimit);
        var embed = new DiscordEmbed
        {
            Title = title,
            Url = alert.Link,
            Color = alert.Topics.Contains(Topic.Talent) ? 0x5865F2 : alert.Topics.Contains(Topic.Launches) ? 0x57F287 : 0x99AAB5,
        };
        var stage = string.Join('\n', new[] { alert.TierNote is null ? null : $"*{alert.TierNote}*", alert.Follows }.OfType<string>());
        if (alert.Style == AlertStyle.Headline && stage.Length > 0)
        {
            embed = embed with { Description = Bidi.IsolateLeftToRight(stage) };
        }
        else if (alert.Style == AlertStyle.Compact)
        {
            var line = string.Join('\n', new[] { stage, alert.SummaryLine() }.Where(l => l.Length > 0));
            embed = embed with
            {
                Description = line.Length == 0 ? null : Bidi.IsolateLeftToRight(line),
                Footer = new DiscordEmbedFooter(Cut(Labelled(alert.Language, words.Source, alert.Source), FooterLimit)),
            };
        }
        else if (alert.Style == AlertStyle.Full)
        {
            var footerParts = new List<string> { alert.Source };
            if (alert.AlsoReportedBy() is { } also)
            {
                footerParts.Add(also);
            }

            if (alert.Matched is not null)
            {
                footerParts.Add(words.Matched + " " + alert.Matched);
            }

            var footer = Cut(Labelled(alert.Language, words.Source, string.Join(" · ", footerParts)), FooterLimit);
            var fields = new List<DiscordEmbedField>();
            foreach (var (name, values) in new[] { (words.People, alert.People), (words.Orgs, alert.Orgs), (words.Models, alert.Models) })
            {
                if (values.Count > 0)
                {
                    fields.Add(new DiscordEmbedField(name, Cut(Labelled(alert.Language, string.Empty, string.Join(", ", values)), FieldLimit), Inline: true));
                }
            }

            var used = title.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);
            var description = Bidi.IsolateLeftToRight((stage.Length == 0 ? string.Empty : stage + "\n\n") + (alert.Headline is null ? string.Empty : alert.Title + "\n\n") + alert.Summary);
            embed = embed with
            {
                Description = Cut(description, Math.Min(DescriptionLimit, TotalLimit - used)),
                Fields = fields,
                Footer = new DiscordEmbedFooter(footer),
                Timestamp = alert.Published,
            };
        }

        return new DiscordMessageCreate
        {
            Content = alert.PingRole is { } role ? $"<@&{role}>" : null,
            Embeds = [embed],
            AllowedMentions = alert.PingRole is { } allowed ? new DiscordAllowedMentions { Roles = [allowed] } : DiscordAllowedMentions.None,
            Flags = alert.Silent ? DiscordMessageCreate.SuppressNotifications : 0,
            Nonce = "radar-" + alert.StoryId.ToString(CultureInfo.InvariantCulture),
            EnforceNonce = true,
        };
    }

    /// <summary>In an Arabic channel, Latin-only text (a source, names) is isolated behind an Arabic label, or a right-to-left mark when there is none.</summary>
    private static string Labelled(string language, string label, string text) =>
        language != "ar" ? Bidi.IsolateLeftToRight(text)
        : Bidi.HasRightToLeft(text) && label.Length == 0 ? Bidi.IsolateLeftToRight(text)
        : $"{(label.Length == 0 ? "\u200F" : label + " ")}{Bidi.Isolate}{Bidi.IsolateLeftToRight(text)}{Bidi.PopIsolate}";

    /// <summary>A command's reply as one embed (errors in red).</summary>
    public static DiscordMessageCreate Reply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var lines = reply.Lines.Concat(new[] { reply.Url }.OfType<string>());
        return new DiscordMessageCreate
        {
            Embeds =
            [
                new DiscordEmbed
                {
                    Title = Cut(reply.Title, TitleLimit),
                    Description = Cut(string.Join('\n', lines), DescriptionLimit - 1_000),
                    Fields = [.. reply.Fields.Take(25).Select(f => new DiscordEmbedField(Cut(f.Name, TitleLimit), Cut(f.Value, FieldLimit)))],
                    Footer = reply.Footer is null ? null : new DiscordEmbedFooter(Cut(reply.Footer, FooterLimit)),
                    Color = reply.IsError ? 0xED4245 : 0x5865F2,
                    Image = reply.Image is { } image ? new DiscordEmbedImage("attachment://" + image.FileName) : null,
                },
            ],
            Attachments = reply.Image is { } file ? [new DiscordAttachment(0, file.FileName, Cut(file.Alt, 1024))] : null,
        };
    }

    /// <summary>At most <paramref name="limit"/> characters, cut between words and never inside a grapheme, with an ellipsis.</summary>
    public static string Cut(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length <= limit)
        {
            return text;
        }

        if (limit <= 1)
        {
            return limit == 1 ? "…" : string.Empty;
        }

        // The last grapheme boundary that leaves room for the ellipsis.
        var end = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext() && graphemes.ElementIndex + graphemes.GetTextElement().Length <= limit - 1)
        {
            end = graphemes.ElementIndex + graphemes.GetTextElement().Length;
        }

        var space = text.LastIndexOfAny([' ', '\n'], Math.Max(0, end - 1));
        var cut = space >= end / 2 && space > 0 ? space : end;
        return text[..cut].TrimEnd() + "…";
    }
}
