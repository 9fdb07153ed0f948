using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Radar.Bot.Cli;
using Radar.Feeds.Analysis;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Model;
using Radar.Storage;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>The live pipeline and the <c>extract</c> command run one analysis: the same text gives the same answer.</summary>
public sealed class OneAnalysisPathTests : IAsyncLifetime
{
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryStoryThePollerStoresIsWhatExtractSaysOfTheSameText()
    {
        var published = DateTimeOffset.UtcNow.AddHours(-1);
        var items = File.ReadLines(SharedFolder.Combine("eval", "dev.jsonl")).Where(l => l.Length > 0).Select((line, i) =>
        {
            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            return new Rss.Item(item.GetProperty("title").GetString()!, $"https://news.test/{i}", $"dev-{i}", published.AddMinutes(-i), item.GetProperty("summary").GetString() ?? string.Empty);
        }).ToArray();
        _server.ServeFeed("/dev.xml", () => Rss.Document(items));
        using var bot = new BotHarness(new FeedSource("Dev", _server.Url("/dev.xml")));

        await bot.RunOnceAsync();

        using var db = new SqliteRadarDbContext(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite($"Data Source={bot.DatabasePath}").Options);
        var stories = await db.Stories.AsNoTracking().ToListAsync();
        Assert.True(stories.Count > items.Length / 2, $"only {stories.Count} stories from {items.Length} items");
        var analyser = new StoryAnalyser(SeedKnowledge.Load());
        foreach (var story in stories)
        {
            var line = JsonSerializer.Serialize(new { id = story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), title = story.Title, summary = story.Summary, lang = story.Language });
            var extracted = JsonDocument.Parse(ExtractCommand.ExtractLine(analyser, line)).RootElement;
            var stored = AnalysisJson.Read(story.Analysis);
            Assert.NotNull(stored);
            Assert.Equal(Texts(extracted, "topics"), stored.Topics.Select(Radar.Feeds.Extraction.TopicText.Name));
            Assert.Equal(Texts(extracted, "people"), stored.People);
            Assert.Equal(Texts(extracted, "orgs"), stored.Orgs);
            Assert.Equal(Texts(extracted, "models"), stored.Models);
            Assert.Equal(
                extracted.GetProperty("moves").EnumerateArray().Select(m => $"{m.GetProperty("person")}|{m.GetProperty("from")}|{m.GetProperty("to")}"),
                stored.Moves.Select(m => $"{m.Person}|{m.From}|{m.To}"));
        }
    }

    private static IEnumerable<string> Texts(JsonElement item, string property) => item.GetProperty(property).EnumerateArray().Select(v => v.GetString()!);
}
