using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Radar.Tests.Fakes;

/// <summary>
/// A fake Discord REST API (v10) on 127.0.0.1: message posts and edits with Discord's rate-limit
/// headers (a bucket of 2 per second per channel), its error bodies, and its embed limits. It counts
/// every request that arrives while the headers said the bucket was empty.
/// </summary>
public sealed class FakeDiscordRest : IAsyncDisposable
{
    public const string Token = "discord-test-token";
    public const int BucketSize = 2;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Remaining, DateTime ResetAt)> _buckets = new();
    private readonly Lock _gate = new();
    private int _messageId = 1000;
    private int _violations;

    private FakeDiscordRest(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Method, string Path, JsonObject Body, string? Authorization, string UserAgent)> Calls { get; } = new();

    public ConcurrentDictionary<string, ConcurrentQueue<(int Status, JsonObject Body)>> Failures { get; } = new();

    /// <summary>What GET /gateway/bot answers.</summary>
    public string GatewayUrl { get; set; } = "ws://127.0.0.1:1/gateway";

    /// <summary>The registered global commands.</summary>
    public JsonArray Commands { get; set; } = [];

    /// <summary>Requests that arrived while the bucket was empty: a client that reads the headers sends none.</summary>
    public int Violations => _violations;

    public static async Task<FakeDiscordRest> StartAsync()
    {
        var app = Loopback.CreateApp();
        var fake = new FakeDiscordRest(app);
        app.MapPost("/api/v10/channels/{channel}/messages", (HttpContext c, string channel) => fake.HandleAsync(c, channel, null));
        app.MapPatch("/api/v10/channels/{channel}/messages/{message}", (HttpContext c, string channel, string message) => fake.HandleAsync(c, channel, message));
        app.MapPost("/api/v10/users/@me/channels", async (HttpContext c) =>
        {
            // Opens (or finds) the DM channel with the recipient: type 1, its id derived from the user's.
            var body = (await JsonNode.ParseAsync(c.Request.Body))!.AsObject();
            var recipient = body["recipient_id"]!.GetValue<string>();
            await fake.RecordAsync(c, new JsonObject { ["id"] = "70" + recipient, ["type"] = 1 }, body);
        });
        app.MapGet("/api/v10/gateway/bot", (HttpContext c) => fake.RecordAsync(c, new JsonObject { ["url"] = fake.GatewayUrl }));
        app.MapGet("/api/v10/applications/{app}/commands", (HttpContext c) => fake.RecordAsync(c, fake.Commands.DeepClone()));
        app.MapPut("/api/v10/applications/{app}/commands", async (HttpContext c) =>
        {
            fake.Commands = (await JsonNode.ParseAsync(c.Request.Body))!.AsArray();
            await fake.RecordAsync(c, fake.Commands.DeepClone(), fake.Commands.DeepClone());
        });
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext c) =>
        {
            var body = (await JsonNode.ParseAsync(c.Request.Body))!.AsObject();
            fake.Calls.Enqueue((c.Request.Method, c.Request.Path.Value!, body, c.Request.Headers.Authorization, c.Request.Headers.UserAgent.ToString()));
            c.Response.StatusCode = 204;
        });
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/@original", async (HttpContext c) =>
        {
            var body = c.Request.HasFormContentType ? await fake.ReadMultipartAsync(c.Request) : (await JsonNode.ParseAsync(c.Request.Body))!.AsObject();
            await fake.RecordAsync(c, new JsonObject { ["id"] = "1", ["channel_id"] = "1" }, body);
        });
        await app.StartAsync();
        fake.ApiBaseUrl = app.Urls.First() + "/api/v10";
        return fake;
    }

    /// <summary>Files uploaded with multipart requests: the part's name, file name, content type and bytes.</summary>
    public ConcurrentQueue<(string Part, string FileName, string ContentType, byte[] Bytes)> Files { get; } = new();

    /// <summary>
    /// A multipart/form-data request as Discord reads it: the JSON of <c>payload_json</c>, and each
    /// <c>files[N]</c> part, which must be named by an attachment of that id.
    /// </summary>
    private async Task<JsonObject> ReadMultipartAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var body = JsonNode.Parse(form["payload_json"].ToString())!.AsObject();
        var ids = body["attachments"]?.AsArray().Select(a => a!["id"]!.GetValue<int>()).ToHashSet() ?? [];
        foreach (var file in form.Files)
        {
            Assert.Matches(@"^files\[\d+\]$", file.Name);
            Assert.Contains(int.Parse(file.Name[6..^1], CultureInfo.InvariantCulture), ids);
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            Files.Enqueue((file.Name, file.FileName, file.ContentType, copy.ToArray()));
        }

        return body;
    }

    public void Fail(string channel, int status, int code, string message, double? retryAfter = null, bool global = false)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (retryAfter is not null)
        {
            body["retry_after"] = retryAfter;
            body["global"] = global;
        }

        Failures.GetOrAdd(channel, _ => new()).Enqueue((status, body));
    }

    private async Task HandleAsync(HttpContext context, string channel, string? message)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];
        Calls.Enqueue((context.Request.Method, context.Request.Path.Value!, body, context.Request.Headers.Authorization, context.Request.Headers.UserAgent.ToString()));
        if (context.Request.Headers.Authorization != "Bot " + Token)
        {
            await Reply(context, 401, new JsonObject { ["code"] = 0, ["message"] = "401: Unauthorized" });
            return;
        }

        var now = DateTime.UtcNow;
        lock (_gate)
        {
            var (remaining, reset) = _buckets.GetValueOrDefault(channel, (BucketSize, now.AddSeconds(1)));
            if (now >= reset)
            {
                (remaining, reset) = (BucketSize, now.AddSeconds(1));
            }

            if (remaining == 0)
            {
                _violations++;
                context.Response.Headers["X-RateLimit-Bucket"] = "messages-hash";
                _buckets[channel] = (0, reset);
                _ = Reply(context, 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = (reset - now).TotalSeconds, ["global"] = false });
                return;
            }

            _buckets[channel] = (remaining - 1, reset);
            context.Response.Headers["X-RateLimit-Limit"] = BucketSize.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] = (remaining - 1).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Reset-After"] = (reset - now).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Bucket"] = "messages-hash";
        }

        if (Failures.TryGetValue(channel, out var failures) && failures.TryDequeue(out var failure))
        {
            await Reply(context, failure.Status, failure.Body);
            return;
        }

        var problem = Validate(body);
        if (problem is not null)
        {
            await Reply(context, 400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body: " + problem });
            return;
        }

        await Reply(context, 200, new JsonObject { ["id"] = message ?? Interlocked.Increment(ref _messageId).ToString(CultureInfo.InvariantCulture), ["channel_id"] = channel });
    }

    private async Task RecordAsync(HttpContext context, JsonNode response, JsonNode? body = null)
    {
        Calls.Enqueue((context.Request.Method, context.Request.Path.Value!, body as JsonObject ?? new JsonObject { ["array"] = body?.DeepClone() }, context.Request.Headers.Authorization, context.Request.Headers.UserAgent.ToString()));
        await context.Response.WriteAsJsonAsync(response);
    }

    private static string? Validate(JsonObject body)
    {
        if (body["allowed_mentions"]?["parse"] is not JsonArray { Count: 0 })
        {
            return "allowed_mentions must be sent with an empty parse list";
        }

        var total = 0;
        foreach (var embed in body["embeds"]?.AsArray() ?? [])
        {
            int Length(string name, int limit)
            {
                var text = embed![name]?.GetValue<string>() ?? string.Empty;
                return text.Length > limit ? throw new InvalidOperationException(name) : text.Length;
            }

            try
            {
                total += Length("title", 256) + Length("description", 4096);
                total += embed!["footer"]?["text"]?.GetValue<string>() is { } footer ? (footer.Length <= 2048 ? footer.Length : throw new InvalidOperationException("footer")) : 0;
                foreach (var field in embed["fields"]?.AsArray() ?? [])
                {
                    var value = field!["value"]!.GetValue<string>();
                    total += field["name"]!.GetValue<string>().Length + (value.Length <= 1024 ? value.Length : throw new InvalidOperationException("field"));
                }
            }
            catch (InvalidOperationException e)
            {
                return e.Message + " too long";
            }
        }

        return total > 6000 ? "embeds over 6000 characters" : null;
    }

    private static Task Reply(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
