using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Radar.Tests.Fakes;

/// <summary>
/// A fake Discord gateway (v10, JSON over WebSocket) on 127.0.0.1: Hello with a short heartbeat
/// interval, READY on Identify, RESUMED on Resume, ACKs (switchable), and a per-connection script
/// for what comes next (dispatches, op 7, op 9, close codes).
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// A second by default: short enough for quick tests, long enough that a loaded machine never
    /// misses an ACK by accident (this fake does not replay events on resume, so a spurious zombie
    /// close would lose the script's events). The zombie test sets 100 ms.
    /// </summary>
    public int HeartbeatIntervalMs { get; set; } = 1_000;

    /// <summary>Whether a connection (by index, from 0) answers heartbeats.</summary>
    public Func<int, bool> Acks { get; set; } = _ => true;

    /// <summary>What a connection does after READY or RESUMED: (connection index, socket, next sequence number).</summary>
    public Func<int, WebSocket, int, Task> Script { get; set; } = (_, _, _) => Task.CompletedTask;

    public ConcurrentQueue<(int Connection, string Path, JsonObject Payload)> Received { get; } = new();

    public ConcurrentQueue<(int Connection, string Path)> Connections { get; } = new();

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var app = Loopback.CreateApp();
        app.UseWebSockets();
        var fake = new FakeDiscordGateway(app);
        app.Map("/gateway", fake.HandleAsync);
        app.Map("/resume", fake.HandleAsync);
        await app.StartAsync();
        fake.Url = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway");
        return fake;
    }

    public static Task SendAsync(WebSocket socket, JsonObject payload) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public static JsonObject Dispatch(string name, int sequence, JsonObject data) => new() { ["op"] = 0, ["s"] = sequence, ["t"] = name, ["d"] = data };

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var index = Interlocked.Increment(ref _connections) - 1;
        var path = context.Request.Path.Value!;
        Connections.Enqueue((index, path));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        var buffer = new byte[16384];
        var sequence = 1;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
                Received.Enqueue((index, path, payload));
                switch (payload["op"]!.GetValue<int>())
                {
                    case 1 when Acks(index):
                        await SendAsync(socket, new JsonObject { ["op"] = 11 });
                        break;
                    case 2:
                        await SendAsync(socket, Dispatch("READY", sequence++, new JsonObject
                        {
                            ["v"] = 10,
                            ["session_id"] = "session-1",
                            ["resume_gateway_url"] = Url.ToString().Replace("/gateway", "/resume", StringComparison.Ordinal),
                            ["user"] = new JsonObject { ["id"] = "1", ["username"] = "radar" },
                            ["guilds"] = new JsonArray(),
                            ["application"] = new JsonObject { ["id"] = "42", ["flags"] = 0 },
                        }));
                        await Script(index, socket, sequence);
                        break;
                    case 6:
                        sequence = (payload["d"]!["seq"]?.GetValue<int>() ?? 0) + 1;
                        await SendAsync(socket, Dispatch("RESUMED", sequence++, []));
                        await Script(index, socket, sequence);
                        break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // the client went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
