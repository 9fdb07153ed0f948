using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Discord;
using Radar.Bot.Discord.Rest;
using Radar.Feeds.Extraction;
using Radar.Tests.Fakes;

namespace Radar.Tests.Bot.Discord;

/// <summary>Our own Discord REST client and the platform adapter against a fake Discord REST API on 127.0.0.1.</summary>
public sealed class DiscordRestTests : IAsyncLifetime
{
    private FakeDiscordRest _discord = null!;
    private DiscordRestClient _rest = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordRest.StartAsync();
        _http = new HttpClient();
        _rest = new DiscordRestClient(_http, Options.Create(new DiscordOptions { Token = FakeDiscordRest.Token, ApiBaseUrl = _discord.ApiBaseUrl }), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        _http.Dispose();
        await _discord.DisposeAsync();
    }

    private DiscordPlatform Platform() => new(_rest, NullLogger<DiscordPlatform>.Instance);

    private static Alert Alert(string channel, string title = "OpenAI launches GPT-9", string summary = "A model.") =>
        new(7, channel, string.Empty, title, summary, "https://news.test/gpt9", "Feed", DateTimeOffset.UtcNow, "launches") { Topics = [Topic.Launches], Orgs = ["OpenAI"], Models = ["GPT-9"] };

    [Fact]
    public async Task AnAlertIsOneEmbedWithinDiscordsLimitsThatPingsNobody()
    {
        var hostile = Alert("111", "@everyone " + new string('t', 400), "@here <@&123> " + string.Concat(Enumerable.Repeat("word ", 2_000)));

        var result = await Platform().SendAlertAsync(hostile, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var body = _discord.Calls.Single().Body;
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        var embed = body["embeds"]![0]!;
        Assert.True(embed["title"]!.GetValue<string>().Length <= DiscordFormatter.TitleLimit);
        Assert.EndsWith("…", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("radar-7", body["nonce"]!.GetValue<string>());
        Assert.StartsWith("DiscordBot (", _discord.Calls.Single().UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRequestIsSentThatTheRateLimitHeadersSayWouldBeRefused()
    {
        var platform = Platform();

        var results = new List<SendResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await platform.SendAlertAsync(Alert("222"), CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        Assert.Equal(0, _discord.Violations);
        Assert.Equal(6, _discord.Calls.Count);
    }

    [Fact]
    public async Task OverlappingSendsToSeveralChannelsNeverReachAnEmptyBucket()
    {
        var platform = Platform();

        var results = await Task.WhenAll(Enumerable.Range(0, 18).Select(i =>
            platform.SendAlertAsync(Alert((400 + (i % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        Assert.Equal(0, _discord.Violations);
        Assert.Equal(18, _discord.Calls.Count);
    }

    [Fact]
    public async Task A429IsWaitedOutAndRetried()
    {
        _discord.Fail("333", 429, 0, "You are being rate limited.", retryAfter: 0.2);

        var result = await Platform().SendAlertAsync(Alert("333"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(2, _discord.Calls.Count);
    }

    [Theory]
    [InlineData(404, 10003, SendStatus.Permanent)]
    [InlineData(403, 50001, SendStatus.Permanent)]
    [InlineData(403, 50013, SendStatus.Permanent)]
    [InlineData(500, 0, SendStatus.Transient)]
    public async Task ErrorsAreClassifiedForTheDeliveryEngine(int status, int code, SendStatus expected)
    {
        _discord.Fail("444", status, code, "error");

        var result = await Platform().SendAlertAsync(Alert("444"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task RepeatedRateLimitsBecomeATransientFailureWithItsRetryAfter()
    {
        for (var i = 0; i < DiscordRestClient.MaxAttempts; i++)
        {
            _discord.Fail("555", 429, 0, "slow down", retryAfter: 0.05);
        }

        var result = await Platform().SendAlertAsync(Alert("555"), CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.NotNull(result.RetryAfter);
    }

    [Fact]
    public async Task ALivingAlertIsEditedInPlaceWithoutANonce()
    {
        var result = await Platform().EditAlertAsync("1234", Alert("666") with { Sources = [new AlertSource("Feed", "https://a.test"), new AlertSource("Reuters", "https://b.test")] }, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var call = _discord.Calls.Single();
        Assert.Equal(("PATCH", "/api/v10/channels/666/messages/1234"), (call.Method, call.Path));
        Assert.Null(call.Body["nonce"]);
        Assert.Contains("also reported by Reuters", call.Body["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc def ghi", 7, "abc…")]
    [InlineData("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 12, "👨‍👩‍👧‍👦…")]
    [InlineData("short", 10, "short")]
    public void TextIsCutBetweenWordsAndNeverInsideAGrapheme(string text, int limit, string expected) =>
        Assert.Equal(expected, DiscordFormatter.Cut(text, limit));
}
