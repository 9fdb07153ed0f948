using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>LLM summaries are made once per story and reader language when the story is analysed, never in the send path.</summary>
public sealed class SummaryAtAnalysisTests : IAsyncLifetime
{
    private FeedServer _server = null!;
    private readonly List<string> _requests = [];

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void AnswerInTheRequestedLanguage() =>
        _server.Map("/v1/chat/completions", async context =>
        {
            var request = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (_requests)
            {
                _requests.Add(request);
            }

            var content = request.Contains("in French only", StringComparison.Ordinal) ? "Résumé du modèle." : "The model's summary.";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ChatCompletion.Json(content));
        });

    [Fact]
    public async Task ThreeChannelsInTwoLanguagesCostTwoCallsAndEachReadsItsOwnLanguage()
    {
        AnswerInTheRequestedLanguage();
        _server.ServeFeed("/feed.xml", () => Rss.Document(new Rss.Item("OpenAI launches GPT-6", "https://news.test/gpt6", "a1", DateTimeOffset.UtcNow.AddMinutes(-5), "OpenAI released GPT-6 today.")));
        using var bot = new BotHarness(new FeedSource("News", _server.Url("/feed.xml")));
        bot.Settings["Radar:Summaries:Llm:Endpoint"] = _server.Url("/v1");
        bot.Settings["Radar:Summaries:Llm:Model"] = "test-model";

        var output = await bot.RunOnceAsync("#fr /language fr\n#fr /subscribe launches\n#en /subscribe launches\n");

        Assert.Equal(2, _requests.Count); // en (the console and #en) and fr: once each, at analysis
        Assert.Equal(3, output.AlertTitles().Count);
        Assert.Contains("Résumé du modèle.", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("The model's summary.").Length - 1);
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bot.DatabasePath}");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT \"Summaries\" FROM stories";
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>((string)query.ExecuteScalar()!)!;
        Assert.Equal("Résumé du modèle.", stored["fr"]); // stored with the story: sending only picks
        Assert.Equal("The model's summary.", stored["en"]);
        Assert.Equal("OpenAI released GPT-6 today.", stored[string.Empty]);
    }
}
