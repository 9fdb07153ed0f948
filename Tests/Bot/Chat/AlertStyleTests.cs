using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Radar.Bot.Chat;
using Radar.Bot.Discord;
using Radar.Bot.Discord.Models;
using Radar.Bot.Telegram;
using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Tests.Bot.Chat;

/// <summary>The three alert styles on both platforms, in an Arabic channel that must read right to left, and role pings.</summary>
public sealed partial class AlertStyleTests
{
    private static Alert Arabic(AlertStyle style) =>
        new(1, "1001", string.Empty, "ميتا تخسر Guillaume Lample لصالح Mistral AI بعد إطلاق Llama 4", "قال مصدر إن GPT-5 لم يكن السبب.\nوأضاف أن الفريق سيكبر.", "https://ar.news.test/meta", "Al Jazeera", DateTimeOffset.Parse("2026-12-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "talent org:Meta")
        {
            Headline = "Guillaume Lample ينضم إلى Mistral AI",
            Topics = [Topic.Talent],
            People = ["Guillaume Lample"],
            Orgs = ["Meta", "Mistral AI"],
            Sources = [new AlertSource("Al Jazeera", "https://ar.news.test/meta"), new AlertSource("Reuters", "https://reuters.test/x")],
            Language = "ar",
            Style = style,
        };

    [Theory]
    [InlineData(AlertStyle.Full)]
    [InlineData(AlertStyle.Compact)]
    [InlineData(AlertStyle.Headline)]
    public void EveryLineOfAnArabicTelegramAlertReadsRightToLeft(AlertStyle style)
    {
        var html = TelegramFormatter.Alert(Arabic(style));
        var lines = WebUtility.HtmlDecode(Tag().Replace(html, string.Empty)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, AssertReadsRightToLeft);
        Assert.Equal(style switch { AlertStyle.Headline => 1, AlertStyle.Compact => 3, _ => 8 }, lines.Length);
    }

    [Theory]
    [InlineData(AlertStyle.Full)]
    [InlineData(AlertStyle.Compact)]
    [InlineData(AlertStyle.Headline)]
    public void EveryTextOfAnArabicDiscordEmbedReadsRightToLeft(AlertStyle style)
    {
        var embed = Assert.Single(DiscordFormatter.Alert(Arabic(style)).Embeds);
        var texts = new[] { embed.Title, embed.Description, embed.Footer?.Text }
            .Concat((embed.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }))
            .OfType<string>()
            .SelectMany(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        Assert.All(texts, AssertReadsRightToLeft);
        Assert.Equal("https://ar.news.test/meta", embed.Url);
        Assert.Equal(style == AlertStyle.Full, embed.Fields is { Count: > 0 });
        Assert.Equal(style == AlertStyle.Headline, embed.Description is null && embed.Footer is null);
    }

    [Fact]
    public void ACompactAlertIsTheHeadlineOneLineOfSummaryAndOneLink()
    {
        var alert = Arabic(AlertStyle.Compact) with { Language = "en", Headline = "Guillaume Lample: Meta → Mistral AI" };

        var html = TelegramFormatter.Alert(alert);

        Assert.Equal("<b>Guillaume Lample: Meta → Mistral AI</b>", html.Split('\n')[0]);
        Assert.DoesNotContain("الفريق", html, StringComparison.Ordinal); // the summary's second line
        Assert.Single(LinkTag().Matches(html));
        Assert.DoesNotContain("matched", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishAlertKeepsItsWordsAndGainsNoIsolates()
    {
        var html = TelegramFormatter.Alert(new Alert(1, "1", string.Empty, "Meta hires", "Summary.", null, "Reuters", DateTimeOffset.UnixEpoch, "talent org:Meta"));

        Assert.DoesNotContain(Bidi.Isolate, html);
        Assert.Contains("<i>matched talent org:Meta</i>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlertPingsOnlyTheRoleItsSubscriptionOptedInto()
    {
        var alert = Arabic(AlertStyle.Full) with { Title = "@everyone <@&999> free GPUs", PingRole = "4242", Silent = true };

        var json = JsonSerializer.SerializeToElement(DiscordFormatter.Alert(alert));

        Assert.Equal("<@&4242>", json.GetProperty("content").GetString());
        Assert.Empty(json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Equal(["4242"], json.GetProperty("allowed_mentions").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(DiscordMessageCreate.SuppressNotifications, json.GetProperty("flags").GetInt32());
    }

    [Fact]
    public void WithoutARoleNothingCanPing()
    {
        var json = JsonSerializer.SerializeToElement(DiscordFormatter.Alert(Arabic(AlertStyle.Full) with { Title = "@everyone <@&999>" }));

        Assert.False(json.TryGetProperty("content", out _));
        Assert.False(json.GetProperty("allowed_mentions").TryGetProperty("roles", out _));
        Assert.False(json.TryGetProperty("flags", out _));
    }

    /// <summary>Every Latin letter sits inside an isolate, and the first strong letter outside them is right to left (so is the line).</summary>
    private static void AssertReadsRightToLeft(string line)
    {
        var depth = 0;
        char? first = null;
        foreach (var c in line)
        {
            if (c == Bidi.Isolate)
            {
                depth++;
            }
            else if (c == Bidi.PopIsolate)
            {
                depth--;
            }
            else if (depth == 0 && char.IsLetter(c))
            {
                Assert.False(c < '\u0590', $"'{c}' is outside an isolate in: {line}");
                first ??= c;
            }
        }

        Assert.Equal(0, depth);
        Assert.True(first is not null || line.StartsWith('\u200F'), $"no right-to-left letter leads: {line}");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<a href=")]
    private static partial Regex LinkTag();
}
