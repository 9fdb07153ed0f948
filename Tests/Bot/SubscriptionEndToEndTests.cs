using Microsoft.Extensions.Configuration;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>Subscriptions and lookups through the console platform, against a local feed server.</summary>
public sealed class SubscriptionEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddHours(-1);
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ATalentMetaSubscriptionGetsTheSeedStoryOnceAndALaunchesGoogleOneGetsNothing()
    {
        var (title, body) = SeedStory.Read();
        _server.ServeFeed("/feed.xml", () => Rss.Document(
            new Rss.Item(title, "https://ar.news.test/meta", "s1", Recent, body),
            new Rss.Item("Nvidia becomes the first company to reach a $4 trillion market value", "https://news.test/nvidia", "s2", Recent.AddMinutes(5), "Shares rose.")));
        using var bot = new BotHarness(new FeedSource("Arabic news", _server.Url("/feed.xml"), "ar"));

        var output = await bot.RunOnceAsync("#meta /subscribe topic:talent org:ميتا\n#google /subscribe launches org:Google\n#meta /subscriptions\n");

        Assert.Contains("Subscribed #2: talent org:Meta", output, StringComparison.Ordinal);
        Assert.Contains("Subscribed #3: launches org:Google", output, StringComparison.Ordinal);
        var meta = output.AlertTitles().Where(t => t.StartsWith("[#meta]", StringComparison.Ordinal)).ToList();
        Assert.Single(meta);
        Assert.StartsWith("[#meta] Guillaume Lample: Meta → Mistral AI", meta[0], StringComparison.Ordinal);
        Assert.DoesNotContain(output.AlertTitles(), t => t.StartsWith("[#google]", StringComparison.Ordinal));
        Assert.Contains("matched talent org:Meta", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallDefectsStayFixed()
    {
        using var bot = new BotHarness();
        bot.Settings["Radar:Feeds:AllowPrivateAddresses"] = "false";

        var output = await bot.RunOnceAsync("/feeds add http://alice:s3cret@127.0.0.1:9/feed.xml\n/whois %00\n/help@OtherBot\n/help@radar\n");

        Assert.Contains("Could not fetch http://127.0.0.1:9/feed.xml: it is a private or local address", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Radar:Feeds", output, StringComparison.Ordinal);
        Assert.Contains("Who? /whois Guillaume Lample", output, StringComparison.Ordinal);
        Assert.DoesNotContain("European Union", output, StringComparison.Ordinal);
        Assert.Contains("That command is for @OtherBot; this is Radar.", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("/whois <name>", StringComparison.Ordinal)); // /help@radar answered once
    }

    [Fact]
    public async Task FlowsOnTheConsoleWriteThePngBesideTheDatabaseAndNameItInTheJsonReply()
    {
        using var bot = new BotHarness();
        bot.Settings["Radar:Console:Format"] = "json";

        var output = await bot.RunOnceAsync("/flows org:Meta since:2022\n/team LLaMA-65B\n/flows org:Nowhere Corp\n/flows org:Meta since:soon\n");

        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var flows = replies[0];
        Assert.StartsWith("Meta: ", flows.GetProperty("text").GetString(), StringComparison.Ordinal);
        var image = flows.GetProperty("image").GetString()!;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "images"), Path.GetDirectoryName(image));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(image)[..4]);
        Assert.Contains("Data: Epoch AI", flows.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("LLaMA-65B (Meta, 2023-02): 14 authors", replies[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("team.png", replies[1].GetProperty("image").GetString(), StringComparison.Ordinal);
        Assert.True(replies[2].GetProperty("error").GetBoolean());
        Assert.Contains("since is a year", replies[3].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowsAndTeamAnswerInTheChannelsLanguage()
    {
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync("#ar /language ar\n#ar /team LLaMA-65B\n#fr /language fr\n#fr /flows org:Meta since:2024\n");

        Assert.Contains("LLaMA-65B (Meta، 2023-02): 14 مؤلفًا", output, StringComparison.Ordinal);
        Assert.Contains("في Mistral AI: Guillaume Lample", output, StringComparison.Ordinal);
        Assert.Contains("Meta : ", output, StringComparison.Ordinal);
        Assert.Contains("départs depuis 2024", output, StringComparison.Ordinal);
        Assert.Contains("Data: Epoch AI (epoch.ai)", output, StringComparison.Ordinal); // the credit keeps its wording
    }

    [Fact]
    public async Task ExcludeAndPatternFiltersAlertWhatTheyAskForOnceAndSayWhichFilterMatched()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(
            new Rss.Item("Yann LeCun leaves Meta to found an AI startup", "https://news.test/lecun", "s1", Recent, "The Turing award winner will build world models."),
            new Rss.Item("Rumour: Meta AI researcher Hugo Touvron leaves for OpenAI", "https://news.test/touvron", "s2", Recent.AddMinutes(1), "Nothing is confirmed."),
            new Rss.Item("Mistral releases Mistral Small 3, an open-weights model", "https://news.test/mistral", "s3", Recent.AddMinutes(2), "The model is free to download."),
            new Rss.Item("Google launches Gemini 3 for developers", "https://news.test/gemini", "s4", Recent.AddMinutes(3), "The model is available in the API.")));
        using var bot = new BotHarness(new FeedSource("News", _server.Url("/feed.xml")));

        var output = await bot.RunOnceAsync("#talent /subscribe talent org:Meta exclude:rumour\n#open /subscribe launches pattern:\"\\bopen[- ]weights?\\b\"\n");

        Assert.Contains("Subscribed #2: talent org:Meta exclude:rumour", output, StringComparison.Ordinal);
        Assert.Contains("Subscribed #3: launches pattern:\"\\bopen[- ]weights?\\b\"", output, StringComparison.Ordinal);
        Assert.Contains("Last match: nothing yet", output, StringComparison.Ordinal); // nothing was stored before this first poll
        var talent = output.AlertTitles().Where(t => t.StartsWith("[#talent]", StringComparison.Ordinal)).ToList();
        var open = output.AlertTitles().Where(t => t.StartsWith("[#open]", StringComparison.Ordinal)).ToList();
        Assert.Single(talent);
        Assert.Contains("Yann LeCun", talent[0], StringComparison.Ordinal);
        Assert.Single(open);
        Assert.Contains("Mistral Small 3", open[0], StringComparison.Ordinal);
        Assert.Contains("matched launches pattern:\"\\bopen[- ]weights?\\b\" (found \"open-weights\")", output, StringComparison.Ordinal);

        // The next /subscribe shows the latest stored story it would have matched.
        var later = await bot.RunOnceAsync("#late /subscribe launches org:Google\n#none /subscribe talent org:Anthropic\n");

        Assert.Matches(@"Last match: Google [^\n]*Gemini 3 \(\d+ (minute|hour)s? ago\)", later);
        Assert.Contains("Last match: nothing yet", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuotedKeywordKeepsItsSpaces()
    {
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync("/subscribe topic:launches keyword:\"open weights\"\n");

        Assert.Contains("Subscribed #2: launches keyword:\"open weights\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoisAnswersInAnySpellingWithThePathMetaToMistral()
    {
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync("/whois Guillaume Lample\n/whois غيوم لامبل\n/whois guillame lample\n");

        var answers = output.Split("» ", StringSplitOptions.RemoveEmptyEntries).Where(a => a.StartsWith("Guillaume Lample (person)", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Contains("Path: Meta → Mistral AI", a, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Contains("غيوم لامبل", a, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/whois Daniel", "could be several")]
    [InlineData("/whois Zzyzx Qwerty", "I don't know 'Zzyzx Qwerty'")]
    [InlineData("/subscribe topic:talent org:Metta", "could be: Meta")]
    [InlineData("/subscribe topic:sports", "topic must be talent, launches or all")]
    [InlineData("/subscribe topic:all org=Meta", "I don't understand 'org=Meta'")]
    [InlineData("/subscribe talent Meta", "I don't understand 'Meta'")]
    [InlineData("/subscribe topic:talent launches", "I don't understand 'launches'")]
    [InlineData("/subscribe topic:talent org:Meta org:Google", "org: is given twice")]
    [InlineData("/subscribe topic:talent keyword:two words", "I don't understand 'words'")]
    [InlineData("/subscribe topic:talent keyword:\"two words", "A quoted value is not closed")]
    [InlineData("/subscribe topic:talent digest:25:00", "digest is a local time")]
    [InlineData("/subscribe topic:talent quiet:22:00", "quiet is a span of local hours")]
    [InlineData("/subscribe launches pattern:\"open[- weights\"", "is not a valid regular expression")]
    [InlineData("/subscribe launches pattern:\"(open) \\1\"", "uses a construct Radar does not run")]
    [InlineData("/subscribe launches exclude-pattern:\"(?=open)\"", "uses a construct Radar does not run")]
    [InlineData("/subscribe launches pattern:\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "at most 200 characters")]
    [InlineData("/subscribe launches exclude:\"!!\"", "exclude takes 1 to 20 words")]
    [InlineData("/subscribe launches ping:@Researchers", "works in a Discord server's channel only")]
    [InlineData("/subscribe launches notify:maybe", "notify is on or off")]
    [InlineData("/style loud", "Choose full, compact or headline")]
    [InlineData("/timezone Mars/Olympus", "Give an IANA time zone")]
    [InlineData("/unsubscribe 999", "no subscription #999")]
    [InlineData("/language de", "Choose en, ar or fr")]
    [InlineData("#bad!name /help", "A console channel is #name")]
    public async Task BadInputGetsOneClearErrorAndChangesNothing(string command, string message)
    {
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync(command + "\n/subscriptions\n");

        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains("#1 all", output, StringComparison.Ordinal); // the console's own subscription, and nothing added
        Assert.DoesNotContain("#2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnersAddRemoveAndExportFeedsFromChat()
    {
        _server.ServeFeed("/new.xml", () => Rss.Document(new Rss.Item("OpenAI launches GPT-9", "https://news.test/gpt9", "n1", Recent)));
        _server.Map("/page.html", context => Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html><body>not a feed</body></html>"));
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync($"/feeds add {_server.Url("/new.xml")}\n/feeds add {_server.Url("/page.html")}\n/feeds add ftp://x\n/feeds export\n/feeds remove 1\n/feeds\n");

        Assert.Contains("Added feed #1: Test feed", output, StringComparison.Ordinal);
        Assert.Contains("is not a feed I can read (NotAFeed", output, StringComparison.Ordinal);
        Assert.Contains("Give the feed's http(s) address", output, StringComparison.Ordinal);
        Assert.Contains($"xmlUrl=\"{_server.Url("/new.xml")}\"", output, StringComparison.Ordinal);
        Assert.Contains("Removed feed #1.", output, StringComparison.Ordinal);
        Assert.Contains("0 feeds, 0 failing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAFeedOnAPrivateAddressIsRefused()
    {
        _server.ServeFeed("/new.xml", () => Rss.Document(new Rss.Item("OpenAI launches GPT-9", "https://news.test/gpt9", "n1", Recent)));
        using var bot = new BotHarness();
        bot.Settings["Radar:Feeds:AllowPrivateAddresses"] = "false";

        var output = await bot.RunOnceAsync($"/feeds add {_server.Url("/new.xml")}\n/feeds\n");

        Assert.Contains("it is a private or local address", output, StringComparison.Ordinal);
        Assert.Contains("0 feeds", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telegram", "123", true)]
    [InlineData("discord", "456", true)]
    [InlineData("telegram", "789", false)]
    [InlineData("discord", "123", false)]
    [InlineData("console", "anyone", true)]
    public void OwnersComeFromTheConfiguration(string platform, string user, bool owner)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Radar:Owners:0"] = "telegram:123", ["Radar:Owners:1"] = "456" }).Build();

        var owners = new Radar.Bot.Commands.Owners(configuration);

        Assert.Equal(owner, owners.Contains(new Radar.Bot.Chat.CommandRequest(platform, "c", user, false, "feeds", [], new Dictionary<string, string>())));
    }

    [Fact]
    public async Task UnsubscribeLanguageLatestSearchAndPreviewWork()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(new Rss.Item("Meta delays release of its largest Llama 4 model, Behemoth", "https://news.test/behemoth", "b1", Recent, "Engineers struggled.")));
        using var bot = new BotHarness(new FeedSource("News", _server.Url("/feed.xml")));
        await bot.RunOnceAsync();

        var output = await bot.RunOnceAsync(
            "#fr /subscribe topic:launches model:Behemoth\n#fr /language fr\n#fr /preview\n/latest launches org:Meta\n/search Behemoth\n#fr /unsubscribe all\n#fr /subscriptions\n");

        Assert.Contains("Subscribed #2: launches model:Llama 4 Behemoth", output, StringComparison.Ordinal);
        Assert.Contains("Les alertes arriveront en français.", output, StringComparison.Ordinal);
        Assert.Contains("Preview: Meta reporte Llama 4 Behemoth", output, StringComparison.Ordinal);
        Assert.Contains("Meta delays release of its largest Llama 4 model, Behemoth — https://news.test/behemoth", output, StringComparison.Ordinal);
        Assert.Contains("Stories mentioning 'Behemoth'", output, StringComparison.Ordinal);
        Assert.Contains("No subscriptions here yet", output, StringComparison.Ordinal);
    }
}
