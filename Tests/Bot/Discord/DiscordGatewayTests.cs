using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Radar.Bot.Discord.Gateway;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot.Discord;

/// <summary>Our own gateway connection against a fake Discord gateway on 127.0.0.1.</summary>
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _events = new();
    private FakeDiscordGateway _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordGateway.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private DiscordGateway Gateway() => new("gateway-token", (name, _) =>
    {
        _events.Enqueue(name);
        return Task.CompletedTask;
    }, TimeProvider.System, NullLogger<DiscordGateway>.Instance);

    /// <summary>Runs the connection until the condition holds, then stops it as the host would.</summary>
    private async Task RunUntilAsync(DiscordGateway gateway, Func<bool> condition)
    {
        using var stop = new CancellationTokenSource();
        var running = gateway.RunAsync(_fake.Url, stop.Token);
        await Wait.UntilAsync(condition, seconds: 20);
        await stop.CancelAsync();
        await running;
    }

    private IEnumerable<JsonObject> Sent(int op) => _fake.Received.Where(r => r.Payload["op"]!.GetValue<int>() == op).Select(r => r.Payload);

    [Fact]
    public async Task IdentifiesWithTheGuildsIntentOnlyBeatsAndDeliversDispatchesInOrder()
    {
        _fake.Script = (_, socket, sequence) => FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("GUILD_CREATE", sequence, new JsonObject { ["id"] = "9" }));
        using var gateway = Gateway();

        await RunUntilAsync(gateway, () => _events.Count >= 2 && Sent(1).Count() >= 3);

        var identify = Assert.Single(Sent(2))["d"]!;
        Assert.Equal("gateway-token", identify["token"]!.GetValue<string>());
        Assert.Equal(DiscordGateway.Guilds, identify["intents"]!.GetValue<int>());
        Assert.Equal(["READY", "GUILD_CREATE"], _events.Take(2));
        Assert.Equal("session-1", gateway.SessionId);
        Assert.Equal(2, Sent(1).Last()["d"]!.GetValue<int>()); // beats carry the last sequence number
    }

    [Fact]
    public async Task Op7ReconnectsToTheResumeUrlAndResumes()
    {
        _fake.Script = (connection, socket, _) => connection == 0 ? FakeDiscordGateway.SendAsync(socket, new JsonObject { ["op"] = 7 }) : Task.CompletedTask;
        using var gateway = Gateway();

        await RunUntilAsync(gateway, () => _events.Contains("RESUMED"));

        var resume = Assert.Single(Sent(6))["d"]!;
        Assert.Equal(("session-1", 1), (resume["session_id"]!.GetValue<string>(), resume["seq"]!.GetValue<int>()));
        Assert.Equal(["/gateway", "/resume"], _fake.Connections.Select(c => c.Path).Take(2));
        Assert.Single(Sent(2)); // identified once only
    }

    [Fact]
    public async Task AMissedHeartbeatAckClosesTheZombieAndResumes()
    {
        _fake.HeartbeatIntervalMs = 100;
        _fake.Acks = connection => connection > 0;
        using var gateway = Gateway();

        await RunUntilAsync(gateway, () => _events.Contains("RESUMED"));

        Assert.Single(Sent(6));
        Assert.Single(Sent(2));
    }

    [Fact]
    public async Task AnInvalidSessionThatCannotResumeIdentifiesAgainOnTheOriginalUrl()
    {
        _fake.Script = (connection, socket, _) => connection == 0 ? FakeDiscordGateway.SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false }) : Task.CompletedTask;
        using var gateway = Gateway();

        await RunUntilAsync(gateway, () => Sent(2).Count() >= 2);

        Assert.Empty(Sent(6));
        Assert.Equal(["/gateway", "/gateway"], _fake.Connections.Select(c => c.Path).Take(2));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task AFatalCloseStopsWithAClearErrorInsteadOfLooping(int code)
    {
        _fake.Script = (_, socket, _) => socket.CloseAsync((WebSocketCloseStatus)code, "no", CancellationToken.None);
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => gateway.RunAsync(_fake.Url, CancellationToken.None));

        Assert.Equal(code, error.CloseCode);
        Assert.Single(_fake.Connections);
    }
}
