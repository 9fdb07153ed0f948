using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Hosting;
using Radar.Feeds.Model;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>
/// The scheduled bot, its health and its metrics. It runs alone: OpenTelemetry exports every live
/// meter named "Radar" in the process, so another test's bot host running at the same moment would
/// register the same instruments first and this host's values would not be exported.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class MetricsEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddHours(-1);
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Rss.Item Item(int n) =>
        new($"OpenAI launches GPT-{n}", $"https://news.test/story/{n}", $"guid-{n}", Recent.AddMinutes(n), $"The model number {n} is available today.");

    [Fact]
    public async Task TheScheduledBotPollsServesHealthAndMetricsAndStopsCleanly()
    {
        _server.ServeFeed("/feed.xml", () => Rss.Document(Item(1)));
        _server.ServeStatus("/gone.xml", 404);
        using var bot = new BotHarness(new FeedSource("Test feed", _server.Url("/feed.xml")), new FeedSource("Gone", _server.Url("/gone.xml")));
        var mode = RunMode.Parse([]);
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        await using var app = bot.Build(mode, output);

        var running = RadarHost.RunAsync(app, mode, stop.Token);
        await Wait.UntilAsync(() => output.ToString().AlertTitles().Count == 1);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>(address + "/healthz");
        for (var i = 0; i < 100 && health.GetProperty("feeds").GetProperty("failing").GetArrayLength() == 0; i++)
        {
            await Task.Delay(100); // the broken feed's failure is recorded right after its fetch
            health = await http.GetFromJsonAsync<JsonElement>(address + "/healthz");
        }

        // Instruments are recorded as each step ends and the exporter may answer from a short cache:
        // wait for the values expected, not for time to pass (bounded).
        string[] expected =
        [
            "radar_feed_polls_total{otel_scope_name=\"Radar\",outcome=\"ok\"} 1",
            "radar_feed_polls_total{otel_scope_name=\"Radar\",outcome=\"failed\"} 1",
            "radar_feed_entries_new_total{otel_scope_name=\"Radar\"} 1",
            "radar_stories_total{otel_scope_name=\"Radar\",topic=\"launches\"} 1",
            "radar_alerts_queued_total{otel_scope_name=\"Radar\"} 1",
            "radar_sends_total{otel_scope_name=\"Radar\",outcome=\"sent\",platform=\"console\"} 1",
            "radar_alert_delay_seconds_count{otel_scope_name=\"Radar\",platform=\"console\"} 1",
            "radar_feed_fetch_duration_seconds_count{otel_scope_name=\"Radar\"} 2",
            "radar_outbox_depth{otel_scope_name=\"Radar\"}",
        ];
        var metrics = await http.GetStringAsync(address + "/metrics");
        for (var i = 0; i < 100 && !expected.All(line => metrics.Contains(line, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            metrics = await http.GetStringAsync(address + "/metrics");
        }

        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("database").GetString());
        Assert.Equal("running", health.GetProperty("scheduler").GetString());
        Assert.Equal(2, health.GetProperty("feeds").GetProperty("total").GetInt32());
        var failing = Assert.Single(health.GetProperty("feeds").GetProperty("failing").EnumerateArray());
        Assert.Equal("Gone", failing.GetProperty("name").GetString());
        Assert.Contains("HTTP 404", failing.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, exitCode);
        foreach (var line in expected)
        {
            Assert.Contains(line, metrics, StringComparison.Ordinal);
        }
    }
}
