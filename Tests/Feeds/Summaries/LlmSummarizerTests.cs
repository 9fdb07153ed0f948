using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Radar.Feeds.Model;
using Radar.Feeds.Summaries;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Feeds.Summaries;

/// <summary>The LLM summary against a fake OpenAI-compatible endpoint on 127.0.0.1, and its fallbacks.</summary>
public sealed class LlmSummarizerTests : IAsyncLifetime
{
    private FeedServer _server = null!;
    private string? _lastRequest;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void Answer(string content, TimeSpan? delay = null, int status = 200) =>
        _server.Map("/v1/chat/completions", async context =>
        {
            _lastRequest = await new StreamReader(context.Request.Body).ReadToEndAsync();
            if (delay is { } wait)
            {
                await Task.Delay(wait, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ChatCompletion.Json(content));
        });

    private LlmSummarizer Summarizer(TimeSpan? timeout = null) => new(
        Options.Create(new LlmOptions { Endpoint = _server.Url("/v1"), Model = "test-model", Timeout = timeout ?? TimeSpan.FromSeconds(5) }),
        NullLogger<LlmSummarizer>.Instance);

    [Fact]
    public async Task ReturnsTheModelsSummaryInTheReadersLanguage()
    {
        Answer("Guillaume Lample and Timothée Lacroix left Meta to found Mistral AI.");
        using var summarizer = Summarizer();

        var summary = await summarizer.SummarizeAsync("غيوم لامبل وتيموثي لاكروا يغادران ميتا", "…", "en", CancellationToken.None);

        Assert.Equal("Guillaume Lample and Timothée Lacroix left Meta to found Mistral AI.", summary);
        Assert.Contains("\"model\":\"test-model\"", _lastRequest, StringComparison.Ordinal);
        Assert.Contains("in English only", _lastRequest, StringComparison.Ordinal);
        Assert.Contains("غيوم لامبل", _lastRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowEndpointFallsBackWithinTheTimeout()
    {
        Answer("too late", delay: TimeSpan.FromSeconds(10));
        using var summarizer = Summarizer(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(await summarizer.SummarizeAsync("t", "s", "en", CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ADeadEndpointCostsTwoTimeoutsAndThenIsNotCalledUntilTheBreakEnds()
    {
        Answer("too late", delay: TimeSpan.FromSeconds(10));
        using var summarizer = Summarizer(TimeSpan.FromMilliseconds(200));

        for (var alert = 0; alert < 6; alert++)
        {
            Assert.Null(await summarizer.SummarizeAsync("t", "s", "en", CancellationToken.None));
        }

        Assert.InRange(_server.Count("/v1/chat/completions"), 1, 2); // the others fell back at once, without a call (without the breaker: 5 or 6)
    }

    [Fact]
    public async Task AnErroringEndpointFallsBack()
    {
        Answer("ignored", status: 500);
        using var summarizer = Summarizer();

        Assert.Null(await summarizer.SummarizeAsync("t", "s", "en", CancellationToken.None));
    }

    [Fact]
    public async Task IsOffWithoutAnEndpoint()
    {
        using var summarizer = new LlmSummarizer(Options.Create(new LlmOptions()), NullLogger<LlmSummarizer>.Instance);

        Assert.False(summarizer.Enabled);
        Assert.Null(await summarizer.SummarizeAsync("t", "s", "en", CancellationToken.None));
    }

    [Fact]
    public async Task TheBotUsesTheLlmSummaryInAlertsWhenConfigured()
    {
        Answer("A one-line summary written by the model.");
        _server.ServeFeed("/feed.xml", () => Rss.Document(new Rss.Item("Mira Murati leaves OpenAI", "https://news.test/murati", "m1", DateTimeOffset.UtcNow.AddHours(-1), "OpenAI's CTO is leaving after six years.")));
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")));
        bot.Settings["Radar:Summaries:Llm:Endpoint"] = _server.Url("/v1");

        var output = await bot.RunOnceAsync();

        Assert.Contains("┃  A one-line summary written by the model.", output, StringComparison.Ordinal);
        Assert.Equal(["Mira Murati leaves OpenAI"], output.AlertTitles());
    }
}
