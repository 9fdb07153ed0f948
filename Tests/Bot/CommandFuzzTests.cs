using System.Text;
using System.Text.Json;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>2,000 generated command lines (a fixed seed) through the console: one reply each, never a crash or a stack trace.</summary>
public sealed class CommandFuzzTests
{
    private const int Seed = 20_261_201;
    private const int Lines = 2_000;

    private static readonly string[] Commands = ["subscribe", "unsubscribe", "subscriptions", "whois", "latest", "search", "preview", "language", "timezone", "feeds", "help", "start", "nope"];
    private static readonly string[] Options = ["topic", "org", "person", "model", "keyword", "lang", "digest", "quiet", "name", "x", ""];
    private static readonly string[] Odd = ["\u200F", "\u202E", "\u200B", "\u200D", "\uFEFF", "\u0000", "\u0007", "\u001B[31m", "\t", "\"", "'", ":", "::", "@", "@@", "#", "%00", "&amp;", "<script>", "\\", "${x}", "{{x}}", "\uD83D\uDE00", "\uD800", "ميتا", "Ω", "é", "\u0301"];

    [Fact]
    public async Task GeneratedCommandLinesEachGetOneReplyAndNoStackTrace()
    {
        var random = new Random(Seed);
        var lines = Enumerable.Range(0, Lines).Select(_ => Line(random)).ToList();
        using var bot = new BotHarness();
        bot.Settings["Radar:Console:Format"] = "json";

        var output = await bot.RunOnceAsync(string.Join('\n', lines) + "\n");

        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("type").GetString() == "reply").ToList();
        Assert.Equal(Lines, replies.Count);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    /// <summary>One line: a command with random options, random Unicode, a 10 KB line, or plain noise; never blank, never a line break.</summary>
    private static string Line(Random random)
    {
        var line = new StringBuilder();
        switch (random.Next(6))
        {
            case 0:
                line.Append(new string('x', 10_000 + random.Next(500)));
                break;
            case 1:
                for (var i = random.Next(1, 40); i > 0; i--)
                {
                    line.Append((char)random.Next(0x20, 0xD7FF));
                }

                break;
            default:
                if (random.Next(5) == 0)
                {
                    line.Append('#').Append(Odd[random.Next(Odd.Length)]).Append("chan ");
                }

                line.Append('/').Append(Commands[random.Next(Commands.Length)]);
                if (random.Next(4) == 0)
                {
                    line.Append('@').Append(random.Next(2) == 0 ? "Radar" : "OtherBot");
                }

                for (var i = random.Next(0, 6); i > 0; i--)
                {
                    line.Append(' ');
                    if (random.Next(2) == 0)
                    {
                        line.Append(Options[random.Next(Options.Length)]).Append(':');
                    }

                    line.Append(Odd[random.Next(Odd.Length)]).Append(random.Next(3) == 0 ? "Meta" : string.Empty).Append(Odd[random.Next(Odd.Length)]);
                }

                break;
        }

        var text = line.ToString().Replace('\n', ' ').Replace('\r', ' ');
        return string.IsNullOrWhiteSpace(text) ? "?" + text : text;
    }
}
