using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Radar.Bot.Discord.Gateway;

/// <summary>
/// One Discord gateway connection (v10, JSON, no compression): Hello → heartbeat at the given
/// interval with the first beat jittered; Identify with the GUILDS intent only, or Resume; a missed
/// ACK closes the zombie connection and resumes; op 7 and resumable closes resume, op 9 false and
/// 4003/4007/4009 identify anew; fatal close codes end <see cref="RunAsync"/> with a
/// <see cref="DiscordGatewayException"/>. Dispatches (op 0) go to the handler in order.
/// </summary>
public sealed partial class DiscordGateway(string token, Func<string, JsonElement, Task> dispatch, TimeProvider time, ILogger<DiscordGateway> logger) : IDisposable
{
    /// <summary>[shard id, shard count] sent with Identify; null for a single connection.</summary>
    public (int Id, int Count)? Shard { get; init; }

    public const int Guilds = 1;

    private static readonly int[] Fatal = [4004, 4010, 4011, 4012, 4013, 4014];
    private static readonly int[] IdentifyAgain = [4003, 4007, 4009];
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private string? _sessionId;
    private string? _resumeUrl;
    private int? _sequence;

    public string? SessionId => _sessionId;

    /// <summary>Connects and stays connected until cancelled or a fatal close.</summary>
    public async Task RunAsync(Uri gatewayUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        var backoff = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resuming = _sessionId is not null && _resumeUrl is not null;
            var url = resuming ? new Uri(_resumeUrl!) : gatewayUrl;
            var (closeCode, reason) = await ConnectOnceAsync(WithQuery(url), resuming, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (closeCode is { } code && Fatal.Contains(code))
            {
                LogFatal(logger, code, reason);
                throw new DiscordGatewayException(code, reason);
            }

            if (closeCode is { } again && IdentifyAgain.Contains(again))
            {
                ForgetSession();
            }

            LogReconnecting(logger, closeCode ?? 0, reason, _sessionId is not null);
            if (backoff > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(60).Ticks));
        }
    }

    private async Task<(int? CloseCode, string Reason)> ConnectOnceAsync(Uri url, bool resuming, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            return (null, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, "stopped");
        }

        Task? heartbeat = null;
        var acked = true;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = await ReceiveAsync(socket, connection.Token).ConfigureAwait(false);
                if (text is null)
                {
                    break;
                }

                var payload = JsonNode.Parse(text)!.AsObject();
                var op = payload["op"]!.GetValue<int>();
                switch (op)
                {
                    case 10: // Hello
                        var interval = TimeSpan.FromMilliseconds(payload["d"]!["heartbeat_interval"]!.GetValue<double>());
                        heartbeat = BeatAsync(socket, interval, () => acked, v => acked = v, connection);
                        await SendAsync(socket, resuming ? Resume() : Identify(), connection.Token).ConfigureAwait(false);
                        break;
                    case 11: // Heartbeat ACK
                        acked = true;
                        break;
                    case 1: // the server asks for a beat now
                        await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = _sequence }, connection.Token).ConfigureAwait(false);
                        break;
                    case 0: // Dispatch
                        _sequence = payload["s"]?.GetValue<int>() ?? _sequence;
                        var name = payload["t"]!.GetValue<string>();
                        var data = payload["d"] is { } d ? JsonSerializer.Deserialize<JsonElement>(d.ToJsonString()) : default;
                        if (name == "READY")
                        {
                            _sessionId = data.GetProperty("session_id").GetString();
                            _resumeUrl = data.GetProperty("resume_gateway_url").GetString();
                        }

                        try
                        {
                            await dispatch(name, data).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            LogDispatchFailed(logger, e, name); // one bad event must not drop the connection
                        }

                        break;
                    case 7: // Reconnect: resume on a new connection
                        await AbortAsync(socket).ConfigureAwait(false);
                        return (null, "reconnect requested");
                    case 9: // Invalid Session
                        if (payload["d"]?.GetValue<bool>() != true)
                        {
                            ForgetSession();
                        }

                        await AbortAsync(socket).ConfigureAwait(false);
                        return (null, "invalid session");
                }
            }

            return ((int?)socket.CloseStatus, socket.CloseStatusDescription ?? "closed");
        }
        catch (OperationCanceledException)
        {
            return (null, cancellationToken.IsCancellationRequested ? "stopped" : "zombie connection: no heartbeat ACK");
        }
        catch (WebSocketException e)
        {
            return (null, e.Message);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                try
                {
                    await heartbeat.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                // Our own shutdown: 1000 ends the session on Discord's side, as it should.
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutdown", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>First beat after interval × jitter, then every interval; a beat without an ACK since the last one closes the zombie.</summary>
    private async Task BeatAsync(ClientWebSocket socket, TimeSpan interval, Func<bool> acked, Action<bool> setAcked, CancellationTokenSource connection)
    {
        await Task.Delay(interval * Random.Shared.NextDouble(), time, connection.Token).ConfigureAwait(false);
        while (!connection.IsCancellationRequested)
        {
            if (!acked())
            {
                LogZombie(logger);
                await connection.CancelAsync().ConfigureAwait(false);
                return;
            }

            setAcked(false);
            await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = _sequence }, connection.Token).ConfigureAwait(false);
            await Task.Delay(interval, time, connection.Token).ConfigureAwait(false);
        }
    }

    private JsonObject Identify() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = Guilds, // no privileged intent
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "radar", ["device"] = "radar" },
            ["shard"] = Shard is { } shard ? new JsonArray(shard.Id, shard.Count) : null,
        },
    };

    private JsonObject Resume() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = _sessionId, ["seq"] = _sequence },
    };

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _sequence = null;
    }

    /// <summary>One send at a time on the socket: heartbeats and the receive loop share it.</summary>
    private async Task SendAsync(ClientWebSocket socket, JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public void Dispose() => _sendGate.Dispose();

    private static async Task<string?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    /// <summary>Ends the connection without 1000/1001, so the session stays resumable.</summary>
    private static async Task AbortAsync(ClientWebSocket socket)
    {
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
    }

    private static Uri WithQuery(Uri url) => new(url.GetLeftPart(UriPartial.Path) + "?v=10&encoding=json");

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord event {Event} could not be handled")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK; closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway closed ({Code}: {Reason}); reconnecting, resume: {Resume}")]
    private static partial void LogReconnecting(ILogger logger, int code, string reason, bool resume);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway closed with {Code} ({Reason}): the Discord platform stops; the rest of the bot keeps running")]
    private static partial void LogFatal(ILogger logger, int code, string reason);
}
