using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>The whole bot, polling a real HTTP server on 127.0.0.1, alerting on the console platform.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddHours(-1);
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>An on-topic item (Radar alerts on talent and launches only): a distinct model launch per number.</summary>
    private static Rss.Item Item(int n, DateTimeOffset? published = null) =>
        new($"OpenAI launches GPT-{n}", $"https://news.test/story/{n}", $"guid-{n}", published ?? Recent.AddMinutes(n), $"The model number {n} is available today.");

    [Fact]
    public async Task EachEntryAlertsExactlyOnceAcrossPollsChangesAndRestarts()
    {
        var items = new List<Rss.Item> { Item(1), Item(2) };
        _server.ServeFeed("/feed.xml", () => Rss.Document([.. items]), etag: "content");
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml"), "en"));

        var first = await bot.RunOnceAsync();
        var unchanged = await bot.RunOnceAsync(); // restart on the same database; the server answers 304
        items.Add(Item(3));
        var changed = await bot.RunOnceAsync();
        var again = await bot.RunOnceAsync();

        Assert.Equal(["OpenAI launches GPT-1", "OpenAI launches GPT-2"], first.AlertTitles());
        Assert.Empty(unchanged.AlertTitles());
        Assert.Equal(["OpenAI launches GPT-3"], changed.AlertTitles());
        Assert.Empty(again.AlertTitles());
        Assert.Contains(_server.Requests, r => r.Path == "/feed.xml" && r.Headers.IfNoneMatch.Count > 0);
    }

    [Fact]
    public async Task AFeedThatRewritesGuidsAndDatesOnEveryFetchAlertsOnce()
    {
        var fetch = 0;
        _server.ServeFeed(
            "/rotating.xml",
            () =>
            {
                fetch++;
                return Rss.Document(
                    new Rss.Item("Mistral AI releases Magistral 2", "https://news.test/mistral", $"rotating-{fetch}-a", DateTimeOffset.UtcNow.AddMinutes(-fetch)),
                    new Rss.Item("Meta delays Behemoth", "https://news.test/behemoth", $"rotating-{fetch}-b", DateTimeOffset.UtcNow.AddMinutes(-fetch - 1)));
            },
            etag: "content");
        using var bot = new BotHarness(new FeedSource("Rotating", _server.Url("/rotating.xml")));

        var first = await bot.RunOnceAsync();
        var second = await bot.RunOnceAsync();
        var third = await bot.RunOnceAsync();

        Assert.Equal(2, first.AlertTitles().Count);
        Assert.Empty(second.AlertTitles());
        Assert.Empty(third.AlertTitles());
        Assert.Equal(3, fetch);
    }

    [Fact]
    public async Task TheFirstFetchAlertsOnlyTheFiveMostRecentEntriesOfTheLastDay()
    {
        var items = Enumerable.Range(1, 8).Select(n => Item(n))
            .Concat(Enumerable.Range(100, 3).Select(n => Item(n, DateTimeOffset.UtcNow.AddDays(-3)))).ToArray();
        _server.ServeFeed("/big.xml", () => Rss.Document(items), etag: "content");
        using var bot = new BotHarness(new FeedSource("Big", _server.Url("/big.xml")));

        var first = await bot.RunOnceAsync();
        items = [.. items, Item(9)];
        var next = await bot.RunOnceAsync();

        Assert.Equal(["OpenAI launches GPT-4", "OpenAI launches GPT-5", "OpenAI launches GPT-6", "OpenAI launches GPT-7", "OpenAI launches GPT-8"], first.AlertTitles());
        Assert.Equal(["OpenAI launches GPT-9"], next.AlertTitles());
    }

    [Fact]
    public async Task TheArabicSeedStoryAlertsWithAnEnglishHeadlineAndItsEnglishReportDoesNotAlertAgain()
    {
        var (title, body) = SeedStory.Read();
        _server.ServeFeed("/ar.xml", () => Rss.Document(new Rss.Item(title, "https://ar.news.test/meta-talent", "ar-1", Recent, body)));
        _server.ServeFeed("/en.xml", () => Rss.Document(new Rss.Item(
            "Llama authors Guillaume Lample and Timothée Lacroix left Meta to found Mistral AI", "https://en.news.test/llama-authors", "en-1", Recent.AddMinutes(30),
            "Most of the LLaMA paper's authors have left Meta.")));
        using var bot = new BotHarness(new FeedSource("Arabic news", _server.Url("/ar.xml"), "ar"));

        var first = await bot.RunOnceAsync();
        bot.SetFeeds(new FeedSource("Arabic news", _server.Url("/ar.xml"), "ar"), new FeedSource("English news", _server.Url("/en.xml"), "en"));
        var second = await bot.RunOnceAsync("/latest 1\n");

        var headline = Assert.Single(first.AlertTitles());
        Assert.StartsWith("Guillaume Lample: Meta → Mistral AI", headline, StringComparison.Ordinal);
        Assert.Contains("#talent · #launches", first, StringComparison.Ordinal);
        Assert.Empty(second.AlertTitles()); // the English report is a new source of the same story...
        Assert.Contains("✎ story 1: Guillaume Lample: Meta → Mistral AI", second, StringComparison.Ordinal); // ...so the alert is edited
        Assert.Contains("also reported by English news", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonFirstSeenInTheNewsIsLearntAndRecognisedNextTime()
    {
        var items = new List<Rss.Item> { new("Former Google researcher Jane Doe joins xAI", "https://news.test/jane-1", "j1", Recent, "She worked on Gemini.") };
        _server.ServeFeed("/feed.xml", () => Rss.Document([.. items]), etag: "content");
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")));

        var first = await bot.RunOnceAsync();
        // Only a known name is found here: nothing in this sentence introduces a new person.
        items.Add(new("xAI confirms the exit of Jane Doe", "https://news.test/jane-2", "j2", Recent.AddMinutes(20), "The company did not say why."));
        var second = await bot.RunOnceAsync();

        Assert.Equal(["Jane Doe: Google → xAI"], first.AlertTitles());
        Assert.Equal(["Jane Doe leaves xAI"], second.AlertTitles());
        using var db = new Radar.Storage.SqliteRadarDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Radar.Storage.SqliteRadarDbContext>().UseSqlite($"Data Source={bot.DatabasePath}").Options);
        var steps = db.Affiliations.Where(a => a.PersonId == "person:jane-doe").OrderBy(a => a.Id).ToList();
        Assert.Equal(["xAI", "xAI"], steps.Select(s => s.OrgName));
        Assert.All(steps, s => Assert.True(s.Reported));
        Assert.Equal(Recent.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), steps[0].From); // joined: a start date
        Assert.Equal(Recent.AddMinutes(20).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), steps[1].To); // left: an end date (the report's month)
    }

    [Fact]
    public async Task NamesFirstSeenInTheNewsAreLearntWithTheirStoryAndWhoisShowsThem()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(
            new Rss.Item("Microsoft unveils Phi-5, its smallest reasoning model yet", "https://news.test/phi-5", "p5", Recent, "The model runs on a phone."),
            new Rss.Item("انضمام جيان تشانغ إلى ميتا قادما من أبل", "https://ar.news.test/zhang", "z1", Recent.AddMinutes(5), "")));
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")));

        var first = await bot.RunOnceAsync();
        var whois = await bot.RunOnceAsync("/whois Phi-5\n/whois جيان تشانغ\n");

        Assert.Contains("Jian Zhang: Apple → Meta", first.AlertTitles());
        // The model the launch named, learnt with its maker and the story that taught it.
        Assert.Contains("Phi-5 (model, reported by the news)", whois, StringComparison.Ordinal);
        Assert.Contains("By: Microsoft", whois, StringComparison.Ordinal);
        Assert.Contains("Seen in the news " + Recent.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ": Microsoft unveils Phi-5", whois, StringComparison.Ordinal);
        Assert.Contains("https://news.test/phi-5", whois, StringComparison.Ordinal);
        // The person an Arabic report named in Arabic letters: found again by that spelling, shown in Latin letters with the Arabic kept.
        Assert.Contains("Jian Zhang (person, reported by the news)", whois, StringComparison.Ordinal);
        Assert.Contains("Seen in the news", whois[whois.IndexOf("Jian Zhang (person", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Also written: جيان تشانغ", whois, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleCommandsAnswerOnStandardInput()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(Item(1)));
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")));
        await bot.RunOnceAsync();

        var output = await bot.RunOnceAsync("/help\n/feeds\n/latest 1\n/latest 50\n/unknown\n");

        Assert.Contains("/latest [topic:talent|launches] [org:X] [count ≤ 10]", output, StringComparison.Ordinal);
        Assert.Contains("/whois <name>", output, StringComparison.Ordinal);
        Assert.Contains("#1 Test feed — ok, last success", output, StringComparison.Ordinal);
        Assert.Contains("OpenAI launches GPT-1 — https://news.test/story/1", output, StringComparison.Ordinal);
        Assert.Contains("count must be a whole number from 1 to 10.", output, StringComparison.Ordinal);
        Assert.Contains("Unknown command /unknown. Try /help.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenFeedIsReportedAndBackedOffWhileTheOthersDeliver()
    {
        _server.ServeFeed("/good.xml", () => Rss.Document(Item(1)));
        _server.ServeStatus("/broken.xml", 500);
        using var bot = new BotHarness(new FeedSource("Good", _server.Url("/good.xml")), new FeedSource("Broken", _server.Url("/broken.xml")));

        var output = await bot.RunOnceAsync("/feeds\n");
        var status = await bot.RunOnceAsync("/feeds\n");

        Assert.Equal(["OpenAI launches GPT-1"], output.AlertTitles());
        Assert.Contains("Broken — FAILING ×1: HttpStatus: HTTP 500", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonConsoleFormatPrintsOneObjectPerLine()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(Item(1)));
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")));
        bot.Settings["Radar:Console:Format"] = "json";

        var output = await bot.RunOnceAsync("/latest\n");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["reply", "alert"], lines.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal("OpenAI launches GPT-1", lines[1].GetProperty("title").GetString());
        Assert.Equal("https://news.test/story/1", lines[1].GetProperty("links")[0].GetString());
    }
}
