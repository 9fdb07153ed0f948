using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Radar.Bot.Benchmarks;

/// <summary>A minimal Bot API that refuses (429) exactly what Telegram would: more than 1 message per second to a chat, 20 per minute to a group, 30 per second overall.</summary>
public sealed class FakeBotApi : BenchServer
{
    private readonly ConcurrentDictionary<long, ConcurrentQueue<DateTime>> _byChat = new();
    private readonly ConcurrentQueue<DateTime> _all = new();
    private readonly Lock _gate = new();
    private int _messageId;

    private FakeBotApi(TimeSpan latency)
        : base(latency)
    {
    }

    public static async Task<FakeBotApi> StartAsync(TimeSpan latency)
    {
        var fake = new FakeBotApi(latency);
        await fake.StartAsync(app => app.MapPost("/bot{token}/{method}", fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var now = DateTime.UtcNow; // as the request arrives, before its body is read
        var body = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject();
        var chat = body?["chat_id"]?.GetValue<long>() ?? 0;
        bool refused;
        lock (_gate)
        {
            var times = _byChat.GetOrAdd(chat, _ => new());
            refused = times.Any(t => now - t < TimeSpan.FromSeconds(1))
                      || (chat < 0 && times.Count(t => now - t < TimeSpan.FromMinutes(1)) >= 20)
                      || _all.Count(t => now - t < TimeSpan.FromSeconds(1)) >= 30;
            if (!refused)
            {
                times.Enqueue(now);
                _all.Enqueue(now);
                while (_all.TryPeek(out var oldest) && now - oldest > TimeSpan.FromSeconds(2))
                {
                    _all.TryDequeue(out _);
                }
            }
        }

        await RoundTripAsync(chat.ToString(CultureInfo.InvariantCulture), now, refused).ConfigureAwait(false);
        if (refused)
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error_code"] = 429, ["description"] = "Too Many Requests: retry after 1", ["parameters"] = new JsonObject { ["retry_after"] = 1 } }).ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject { ["message_id"] = Interlocked.Increment(ref _messageId), ["date"] = 0, ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "group" : "private" } },
        }).ConfigureAwait(false);
    }
}
