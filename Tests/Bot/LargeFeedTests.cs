using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Ingest;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>A huge but legal feed: its work is bounded, and a stop in the middle leaves nothing half-stored.</summary>
[Trait("Category", "Slow")]
public sealed class LargeFeedTests : IAsyncLifetime
{
    private FeedServer _server = null!;
    private bool _ready;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void Serve(int items)
    {
        var now = DateTimeOffset.UtcNow;
        var document = Rss.Document([.. Enumerable.Range(0, items).Select(i => new Rss.Item($"Item {i} of a very long feed", $"https://big.test/{i}", $"i{i}", now.AddMinutes(-i)))]);
        _server.Map("/big.xml", context =>
        {
            context.Response.StatusCode = _ready ? 200 : 404;
            return _ready ? context.Response.WriteAsync(document) : Task.CompletedTask;
        });
    }

    private static async Task<List<string>> StoredLinksAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.OpenDatabase();
        return await db.Entries.Select(e => e.Link!).ToListAsync();
    }

    /// <summary>Starts the bot with the cap, lets its scheduled first poll meet a 404, then serves the feed of <paramref name="items"/> entries.</summary>
    private async Task<RunningBot> StartServingAsync(BotHarness bot, int items, int cap)
    {
        Serve(items);
        bot.Settings["Radar:Feeds:PollInterval"] = "1.00:00:00";
        bot.Settings["Radar:Feeds:MaxItemsPerFetch"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var running = await RunningBot.StartAsync(bot);
        await running.WaitForFirstPollAsync();
        _ready = true;
        return running;
    }

    [Fact]
    public async Task OnlyTheNewestItemsOfAHugeFeedAreTaken()
    {
        using var bot = new BotHarness(new FeedSource("Big", _server.Url("/big.xml")));
        await using var running = await StartServingAsync(bot, items: 1_000, cap: 50);

        await running.App.Services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);

        var links = await StoredLinksAsync(running.App.Services);
        Assert.Equal(50, links.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"https://big.test/{i}").Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AStopDuringAHugeIngestEndsWithinSecondsAndStoresNothingHalfway()
    {
        using var bot = new BotHarness(new FeedSource("Big", _server.Url("/big.xml")));
        await using var running = await StartServingAsync(bot, items: 10_000, cap: 10000);
        using var stop = new CancellationTokenSource();

        var poll = running.App.Services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, stop.Token);
        await Task.Delay(1_500);
        Assert.False(poll.IsCompleted, "the stop must come while the feed is being ingested");
        var clock = Stopwatch.StartNew();
        await stop.CancelAsync();
        var outcome = await Record.ExceptionAsync(() => poll.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.True(outcome is null or OperationCanceledException, $"the poll ended with {outcome}");
        var stored = (await StoredLinksAsync(running.App.Services)).Count;
        Console.WriteLine($"stop honoured in {clock.Elapsed.TotalSeconds:N2} s; {stored} entries stored");
        Assert.True(stored is 0 or 10_000, $"{stored} of 10,000 entries stored: a partial ingest");
    }
}
