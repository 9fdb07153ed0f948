using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>Owners are told once when a feed breaks and once when it mends: on the console, on Telegram and by Discord DM, against the fakes.</summary>
public sealed class BrokenFeedNoticeTests : IAsyncLifetime
{
    private FeedServer _feeds = null!;
    private FakeTelegram _telegram = null!;
    private FakeDiscordRest _discord = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _telegram = await FakeTelegram.StartAsync();
        _discord = await FakeDiscordRest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await _telegram.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task OwnersAreToldOnceWhenAFeedBreaksAndOnceWhenItMends()
    {
        var broken = true;
        _feeds.Map("/flaky.xml", async context =>
        {
            context.Response.StatusCode = broken ? 503 : 200;
            if (!broken)
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Rss.Document(new Rss.Item("Quiet day", "https://news.test/q", "q1", DateTimeOffset.UtcNow.AddHours(-1), "Nothing.")));
            }
        });
        _feeds.ServeFeed("/good.xml", () => Rss.Document(new Rss.Item("Quiet day", "https://news.test/q", "q1", DateTimeOffset.UtcNow.AddHours(-1), "Nothing.")));
        using var bot = new BotHarness(new FeedSource("Flaky wire", _feeds.Url("/flaky.xml")), new FeedSource("Good wire", _feeds.Url("/good.xml")));
        bot.Settings["Radar:Telegram:Token"] = FakeTelegram.Token;
        bot.Settings["Radar:Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        bot.Settings["Radar:Discord:Token"] = FakeDiscordRest.Token;
        bot.Settings["Radar:Discord:ApiBaseUrl"] = _discord.ApiBaseUrl;
        bot.Settings["Radar:Owners:0"] = "telegram:1001";
        bot.Settings["Radar:Owners:1"] = "discord:5";
        bot.Settings["Radar:Owners:2"] = "77"; // a bare id: an owner for commands, with no platform to write to
        int TelegramNotices() => _telegram.TextsTo(1001).Count();
        IEnumerable<string> DiscordNotices() => _discord.Calls.Where(c => c.Path == "/api/v10/channels/705/messages").Select(c => c.Body["content"]!.ToString());

        // Failing for less than NotifyAfter: nobody is told yet.
        bot.Settings["Radar:Feeds:NotifyAfter"] = "01:00:00";
        var first = await bot.RunOnceAsync();
        Assert.DoesNotContain("is broken", first, StringComparison.Ordinal);

        bot.Settings["Radar:Feeds:NotifyAfter"] = "00:00:00";
        var second = await bot.RunOnceAsync();
        var third = await bot.RunOnceAsync();

        Assert.Contains("⚠ Feed #1 \"Flaky wire\" is broken: 2 failed polls since it was added. Last error: ", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Good wire", second, StringComparison.Ordinal);
        Assert.DoesNotContain("is broken", third, StringComparison.Ordinal); // told once
        Assert.Equal(1, TelegramNotices());
        Assert.Contains("Flaky wire", _telegram.TextsTo(1001).Single(), StringComparison.Ordinal);
        Assert.Equal("5", Assert.Single(_discord.Calls, c => c.Path == "/api/v10/users/@me/channels").Body["recipient_id"]!.ToString());
        Assert.Contains("Flaky wire\" is broken", Assert.Single(DiscordNotices()), StringComparison.Ordinal);

        broken = false;
        var mended = await bot.RunOnceAsync();
        var after = await bot.RunOnceAsync();

        Assert.Contains("⚠ Feed #1 \"Flaky wire\" works again.", mended, StringComparison.Ordinal);
        Assert.DoesNotContain("works again", after, StringComparison.Ordinal);
        Assert.Equal(2, TelegramNotices());
        Assert.Equal(2, DiscordNotices().Count());
        Assert.All(_discord.Calls.Where(c => c.Path == "/api/v10/channels/705/messages"), c => Assert.Empty(c.Body["allowed_mentions"]!["parse"]!.AsArray()));
    }
}
