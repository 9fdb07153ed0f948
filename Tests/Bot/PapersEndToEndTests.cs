using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>
/// The live paper trail end to end: a fake arXiv listing and a fake OpenAlex on 127.0.0.1, the real
/// bot in <c>--once</c> rounds with the console's JSON output.
/// </summary>
public sealed class PapersEndToEndTests : IAsyncLifetime
{
    private const string Key = "oa-secret-key-123";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly string Today = Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly OpenAlex.Institution Meta = new("Meta (United States)", "01zbnvs85");
    private static readonly OpenAlex.Institution Thinking = new("Thinking Machines Lab (United States)");
    private static readonly OpenAlex.Institution Toronto = new("University of Toronto", "03dbr7087", "CA");
    private readonly List<Arxiv.Paper> _listing = [];
    private readonly List<Rss.Item> _news = [];
    private readonly ConcurrentQueue<string> _lookups = new();
    private readonly ConcurrentQueue<string> _queries = new();
    private FeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _server.ServeFeed("/rss/cs.AI", () => Arxiv.Listing(Now, [.. _listing]), etag: "content");
        _server.ServeFeed("/news.xml", () => Rss.Document([.. _news]), etag: "content");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>OpenAlex answers this work; a work never served is a 404 (not indexed yet).</summary>
    private void Work(string id, params OpenAlex.Author[] authors) =>
        _server.Map("/works/doi:10.48550/arXiv." + id, async context =>
        {
            _lookups.Enqueue(id);
            _queries.Enqueue(context.Request.QueryString.Value ?? string.Empty);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(OpenAlex.Work(id, "Paper " + id, Today, authors));
        });

    private BotHarness Harness()
    {
        var bot = new BotHarness(new FeedSource("Wire", _server.Url("/news.xml"), "en"));
        bot.Settings["Radar:Console:Format"] = "json";
        bot.Settings["Radar:Papers:Feeds:0"] = _server.Url("/rss/cs.AI");
        bot.Settings["Radar:Papers:OpenAlexUrl"] = _server.BaseUri.ToString();
        bot.Settings["Radar:Papers:OpenAlexKey"] = Key;
        bot.Settings["Radar:Papers:ArxivDelay"] = "00:00:00";
        bot.Settings["Radar:Papers:OpenAlexDelay"] = "00:00:00";
        return bot;
    }

    private static List<JsonElement> Lines(string output, string type, string? channel = null) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(j => j.GetProperty("type").GetString() == type && (channel is null || (j.TryGetProperty("channel", out var c) && c.GetString() == channel)))];

    [Fact]
    public async Task AKnownMetaAuthorOnANewPaperFromAnotherLabAlertsOnceAsInferredAndNothingElseDoes()
    {
        _listing.AddRange(
        [
            new Arxiv.Paper("2612.01001", "Scaling search", "Abhinav Jauhri, Jane Nobody"),
            new Arxiv.Paper("2612.01002", "Same lab", "Abhishek Kadian"),
            new Arxiv.Paper("2612.01003", "Common name", "Rui Wang"),
            new Arxiv.Paper("2612.01004", "Joint", "Angela Fan"),
            new Arxiv.Paper("2612.01005", "Not indexed yet", "Aiesha Letman"),
            new Arxiv.Paper("2612.01006", "With an ORCID", "Alan Schelten"),
            new Arxiv.Paper("2612.01007", "Rate limited", "Amy Yang"),
            new Arxiv.Paper("2612.01008", "After the pause", "Abhishek Kadian"),
        ]);
        Work("2612.01001", new OpenAlex.Author("Abhinav Jauhri", Institutions: [Thinking]), new OpenAlex.Author("Jane Nobody", Institutions: [Thinking]));
        Work("2612.01002", new OpenAlex.Author("Abhishek Kadian", Institutions: [Meta]));
        Work("2612.01003", new OpenAlex.Author("Rui Wang", Institutions: [Thinking]));
        Work("2612.01004", new OpenAlex.Author("Angela Fan", Institutions: [Meta, Toronto]));
        Work("2612.01006", new OpenAlex.Author("Alan Schelten", "0000-0002-1825-0097", [Meta]));
        Work("2612.01008", new OpenAlex.Author("Abhishek Kadian", Institutions: [Meta]));
        _server.Map("/works/doi:10.48550/arXiv.2612.01007", context =>
        {
            _lookups.Enqueue("2612.01007");
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var bot = Harness();

        var output = await bot.RunOnceAsync("#meta /subscribe talent org:Meta\n#topic /subscribe talent\n#papers /subscribe talent papers:on\n#off /subscribe talent org:Meta papers:off\n");

        var meta = Assert.Single(Lines(output, "alert", "meta"));
        Assert.Equal("Abhinav Jauhri: Meta → Thinking Machines Lab", meta.GetProperty("headline").GetString());
        Assert.Contains("arXiv:2612.01001", meta.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("inferred", meta.GetProperty("tier").GetString());
        Assert.Equal($"From a paper, unconfirmed · arXiv:2612.01001 ({Today}) · Affiliations: OpenAlex", meta.GetProperty("tierNote").GetString());
        Assert.Contains("https://arxiv.org/abs/2612.01001", meta.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Single(Lines(output, "alert", "papers"));
        Assert.Empty(Lines(output, "alert", "topic")); // topic-only: papers only when asked for
        Assert.Empty(Lines(output, "alert", "off"));
        Assert.Equal(["2612.01001", "2612.01002", "2612.01003", "2612.01004", "2612.01006", "2612.01007"], _lookups); // the 429 paused the look-ups: 2612.01008 waits
        Assert.All(_queries, q => Assert.Equal("?api_key=" + Key, q));
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);

        var whois = await bot.RunOnceAsync("/whois Abhinav Jauhri\n/whois Angela Fan\n");

        var replies = Lines(whois, "reply").Select(r => r.GetProperty("text").GetString()!).ToList();
        Assert.Contains("Inferred: Meta → Thinking Machines Lab, between 2024-07 and " + Today[..7] + " (author of Llama 3.1-405B, then of arXiv:2612.01001)", replies[0], StringComparison.Ordinal);
        Assert.Contains("Affiliations: OpenAlex", replies[0], StringComparison.Ordinal);
        Assert.Contains("arXiv:2612.01004 (Meta, University of Toronto", replies[1], StringComparison.Ordinal); // in the trail, joint: no move
        Assert.DoesNotContain("Inferred: Meta → University of Toronto", replies[1], StringComparison.Ordinal);
        Assert.Empty(Lines(whois, "alert"));
        Assert.Equal("2612.01008", Assert.Single(_lookups.Skip(6))); // the next run goes on; the 404 waits a day and the 429 an hour: neither is asked again yet
    }

    [Fact]
    public async Task AnOrcidNamesThePersonUnderANewDisplayNameAndTheNewsOfTheMoveJoinsThePaperStory()
    {
        _listing.Add(new Arxiv.Paper("2612.02001", "First", "Alan Schelten"));
        Work("2612.02001", new OpenAlex.Author("Alan Schelten", "0000-0002-1825-0097", [Meta]));
        using var bot = Harness();
        var first = await bot.RunOnceAsync("#meta /subscribe talent org:Meta\n#topic /subscribe talent\n");
        Assert.Empty(Lines(first, "alert"));

        _listing.Add(new Arxiv.Paper("2612.02002", "Second", "A. J. Schelten-Moreau"));
        Work("2612.02002", new OpenAlex.Author("A. J. Schelten-Moreau", "0000-0002-1825-0097", [new OpenAlex.Institution("Nouvelle Intelligence SAS (France)", "0abcd1234", "FR")]));
        var second = await bot.RunOnceAsync();

        var inferred = Assert.Single(Lines(second, "alert", "meta"));
        Assert.Equal("Alan Schelten: Meta → Nouvelle Intelligence SAS", inferred.GetProperty("headline").GetString());
        Assert.Empty(Lines(second, "alert", "topic"));

        _news.Add(new Rss.Item("Alan Schelten leaves Meta to join Nouvelle Intelligence", "https://wire.test/schelten", "n1", Now.AddMinutes(-10), "The Llama researcher joins the Paris start-up."));
        var news = await bot.RunOnceAsync();

        var edit = Assert.Single(Lines(news, "edit", "meta"));
        Assert.Equal(inferred.GetProperty("story").GetString(), edit.GetProperty("story").GetString());
        Assert.Equal("confirmed", edit.GetProperty("tier").GetString());
        Assert.Empty(Lines(news, "alert", "meta")); // one story, one alert: edited, not sent again
        var topic = Assert.Single(Lines(news, "alert", "topic"));
        Assert.Equal(inferred.GetProperty("story").GetString(), topic.GetProperty("story").GetString());
        Assert.Equal("Alan Schelten leaves Meta to join Nouvelle Intelligence", topic.GetProperty("title").GetString());
        Assert.Equal("First seen on a paper the same day (arXiv:2612.02002)", topic.GetProperty("tierNote").GetString());
    }
}
