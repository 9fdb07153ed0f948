using System.Text.Json;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>
/// Stories that evolve, through the console's JSON output and feeds served in stages on 127.0.0.1:
/// a French report, an Arabic confirmation, an official post; a delay and the launch that follows
/// it; and the same person's other moves, which stay stories of their own.
/// </summary>
public sealed class StoryStagesEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, List<Rss.Item>> _items = new(StringComparer.Ordinal) { ["/fr.xml"] = [], ["/ar.xml"] = [], ["/openai.xml"] = [], ["/wire.xml"] = [] };
    private FeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        foreach (var path in _items.Keys)
        {
            _server.ServeFeed(path, () => Rss.Document([.. _items[path]]), etag: "content");
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BotHarness Harness()
    {
        var bot = new BotHarness(
            new FeedSource("Le Monde", _server.Url("/fr.xml"), "fr"),
            new FeedSource("الجزيرة", _server.Url("/ar.xml"), "ar"),
            new FeedSource("OpenAI News", _server.Url("/openai.xml"), "en", Official: "OpenAI"),
            new FeedSource("Wire", _server.Url("/wire.xml"), "en"));
        bot.Settings["Radar:Console:Format"] = "json";
        return bot;
    }

    private static List<JsonElement> Lines(string output, string type, string channel) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(j => j.GetProperty("type").GetString() == type && j.TryGetProperty("channel", out var c) && c.GetString() == channel)];

    [Fact]
    public async Task AReportAlertsMarkedReportedAConfirmationEditsItAndConfirmedOnlyChannelsGetOneAlertAfterIt()
    {
        using var bot = Harness();
        await bot.RunOnceAsync("#all /subscribe talent org:OpenAI\n#sure /subscribe talent org:OpenAI confirmed:only\n"); // the feeds are empty: primed

        _items["/fr.xml"].Add(new Rss.Item("Hugo Touvron rejoindrait OpenAI, selon des sources", "https://lemonde.test/touvron", "fr1", Now.AddDays(-2), "Le chercheur quitterait Meta."));
        var reported = await bot.RunOnceAsync();

        var first = Assert.Single(Lines(reported, "alert", "all"));
        Assert.Equal("reported", first.GetProperty("tier").GetString());
        Assert.Equal("Reported, not confirmed", first.GetProperty("tierNote").GetString());
        Assert.Empty(Lines(reported, "alert", "sure"));

        _items["/ar.xml"].Add(new Rss.Item("أعلنت OpenAI انضمام هوغو توفرون إلى فريقها", "https://aljazeera.test/touvron", "ar1", Now, "الباحث كان في ميتا."));
        var confirmed = await bot.RunOnceAsync();

        var edit = Assert.Single(Lines(confirmed, "edit", "all"));
        Assert.Equal("confirmed", edit.GetProperty("tier").GetString());
        Assert.Equal("Confirmed — 2 days after the first report", edit.GetProperty("tierNote").GetString());
        Assert.Empty(Lines(confirmed, "alert", "all")); // edited, never sent again
        var sure = Assert.Single(Lines(confirmed, "alert", "sure"));
        Assert.Equal("confirmed", sure.GetProperty("tier").GetString());
        Assert.Equal(first.GetProperty("story").GetString(), sure.GetProperty("story").GetString());

        _items["/openai.xml"].Add(new Rss.Item("OpenAI welcomes Hugo Touvron", "https://openai.test/touvron", "o1", Now.AddMinutes(5), "Hugo Touvron joins OpenAI from Meta to work on research."));
        var official = await bot.RunOnceAsync();

        Assert.Equal("Confirmed by OpenAI — 2 days after the first report", Assert.Single(Lines(official, "edit", "all")).GetProperty("tierNote").GetString());
        Assert.Single(Lines(official, "edit", "sure"));
        Assert.Empty(Lines(official, "alert", "all"));
        Assert.Empty(Lines(official, "alert", "sure")); // exactly one alert, after the confirmation

        var latest = await bot.RunOnceAsync("/latest\n");
        Assert.DoesNotContain("[reported]", latest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaunchAfterADelaySaysWhichStoryItFollowsAndTheSamePersonsOtherMovesStayApart()
    {
        using var bot = Harness();
        await bot.RunOnceAsync("#meta /subscribe launches org:Meta\n#leike /subscribe talent person:\"Jan Leike\"\n");

        _items["/wire.xml"].Add(new Rss.Item("Meta reportedly delays Llama 5", "https://wire.test/delay", "w1", Now.AddDays(-30), "The company has pushed the model back."));
        _items["/wire.xml"].Add(new Rss.Item("Jan Leike leaves OpenAI for Google", "https://wire.test/leike-1", "w2", Now.AddDays(-100), "A move."));
        _items["/wire.xml"].Add(new Rss.Item("Jan Leike joins OpenAI", "https://wire.test/leike-0", "w3", Now.AddDays(-1100), "Years ago."));
        await bot.RunOnceAsync();
        _items["/wire.xml"].Add(new Rss.Item("Meta releases Llama 5", "https://wire.test/launch", "w4", Now, "The model is available today."));
        _items["/wire.xml"].Add(new Rss.Item("Jan Leike leaves OpenAI for Anthropic", "https://wire.test/leike-2", "w5", Now.AddMinutes(1), "Another move."));
        var output = await bot.RunOnceAsync();

        var launch = Lines(output, "alert", "meta").Single(a => a.GetProperty("headline").GetString()!.Contains("launches", StringComparison.Ordinal));
        Assert.Equal($"Follows: Meta reportedly delays Llama 5 ({Now.AddDays(-30):yyyy-MM-dd})", launch.GetProperty("follows").GetString());
        var move = Assert.Single(Lines(output, "alert", "leike"));
        Assert.Contains("Anthropic", move.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, move.GetProperty("follows").ValueKind); // not a follow-up of his earlier moves
        var latest = JsonDocument.Parse(await bot.RunOnceAsync("/latest count:5\n")).RootElement.GetProperty("text").GetString();
        Assert.Contains($"↳ thread: Meta reportedly delays Llama 5 ({Now.AddDays(-30):yyyy-MM-dd}) → this", latest, StringComparison.Ordinal);
        Assert.Contains("[reported] Meta reportedly delays Llama 5", latest, StringComparison.Ordinal);
    }
}
