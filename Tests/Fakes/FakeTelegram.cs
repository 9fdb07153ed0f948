using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Radar.Tests.Fakes;

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1 speaking the real wire format (POST /bot&lt;token&gt;/&lt;method&gt;,
/// JSON envelopes {ok,result} / {ok:false,error_code,description,parameters}), with scripted updates,
/// administrators and failures. It refuses HTML that Telegram would refuse. With
/// <see cref="EnforceLimits"/> it also answers 429 as Telegram does to a bot sending more than 30
/// messages a second overall or more than one a second to one chat, and 409 to a getUpdates made
/// while another is still open.
/// </summary>
public sealed partial class FakeTelegram : IAsyncDisposable
{
    public const string Token = "123456:TEST";
    public const string Username = "RadarTestBot";

    private readonly WebApplication _app;
    private readonly List<JsonObject> _updates = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<long, DateTime> _lastSend = [];
    private readonly Queue<DateTime> _recentSends = new();
    private int _nextUpdateId = 1;
    private int _nextMessageId = 100;
    private int _openPolls;
    private int _tooManyRequests;
    private int _conflicts;

    private FakeTelegram(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    public HashSet<(long Chat, long User)> Admins { get; } = [];

    /// <summary>Answer 429 and 409 where Telegram would (see the class summary).</summary>
    public bool EnforceLimits { get; set; }

    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    /// <summary>Why each 429 was given: the chat, "overall" or "chat", and when.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Failures to answer for a chat, in order: (error code, description, parameters).</summary>
    public ConcurrentDictionary<long, ConcurrentQueue<(int Code, string Description, JsonObject? Parameters)>> Failures { get; } = new();

    public static async Task<FakeTelegram> StartAsync()
    {
        var app = Loopback.CreateApp();
        var fake = new FakeTelegram(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    /// <summary>Answers to give getUpdates before any update (409 when another consumer polls, say).</summary>
    public ConcurrentQueue<(int Code, string Description)> PollFailures { get; } = new();

    public IEnumerable<JsonObject> Sent(string method = "sendMessage") => Calls.Where(c => c.Method == method).Select(c => c.Body);

    /// <summary>The messages Telegram accepted (sendMessage answered ok), in order.</summary>
    public ConcurrentQueue<JsonObject> Accepted { get; } = new();

    public IEnumerable<string> TextsTo(long chat) => Sent().Where(b => b["chat_id"]?.GetValue<long>() == chat).Select(b => b["text"]!.GetValue<string>());

    public void Fail(long chat, int code, string description, JsonObject? parameters = null) =>
        Failures.GetOrAdd(chat, _ => new()).Enqueue((code, description, parameters));

    /// <summary>Queues a text message from a user in a chat ("private", "group", "supergroup", "channel").</summary>
    public int Say(long chat, long user, string text, string type = "private", int? topic = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = type, ["title"] = type == "private" ? null : "A group" },
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "User" + user },
            ["text"] = text,
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length }),
        };
        if (topic is not null)
        {
            message["message_thread_id"] = topic;
            message["is_topic_message"] = true;
        }

        return Queue(new JsonObject { [type == "channel" ? "channel_post" : "message"] = message });
    }

    public int Queue(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add(update);
            return id;
        }
    }

    /// <summary>The length Telegram counts: the text once its HTML tags are gone and its entities decoded.</summary>
    private static int VisibleLength(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", string.Empty)).Length;

    /// <summary>The files uploaded with multipart requests (sendPhoto), by form field, in arrival order.</summary>
    public ConcurrentQueue<(string Field, string FileName, string ContentType, byte[] Bytes)> Files { get; } = new();

    /// <summary>A multipart/form-data request (what the Bot API takes for uploads) as the JSON the rest of the fake reads: fields by name, numbers as numbers, files described.</summary>
    private async Task<JsonObject> ReadMultipartAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (key, value) in form)
        {
            body[key] = long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : value.ToString();
        }

        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            Files.Enqueue((file.Name, file.FileName, file.ContentType, copy.ToArray()));
            body[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["length"] = copy.Length };
        }

        return body;
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var arrived = DateTime.UtcNow; // limits are judged as the request arrives, before its body is read
        var body = context.Request.HasFormContentType
            ? await ReadMultipartAsync(context.Request)
            : context.Request.ContentLength > 0 || context.Request.ContentType is not null
                ? (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? []
                : [];
        Calls.Enqueue((method, body));
        if (token != Token)
        {
            await Error(context, 401, "Unauthorized");
            return;
        }

        var chat = body["chat_id"]?.GetValue<long>();
        if (chat is { } id && method is "sendMessage" or "editMessageText" or "sendPhoto" && Failures.TryGetValue(id, out var failures) && failures.TryDequeue(out var failure))
        {
            await Error(context, failure.Code, failure.Description, failure.Parameters);
            return;
        }

        if (EnforceLimits && chat is { } to && method is "sendMessage" or "sendPhoto" && !Admit(to, arrived))
        {
            Interlocked.Increment(ref _tooManyRequests);
            await Error(context, 429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 });
            return;
        }

        if (EnforceLimits && method == "getUpdates")
        {
            if (Interlocked.Increment(ref _openPolls) > 1)
            {
                Interlocked.Decrement(ref _openPolls);
                Interlocked.Increment(ref _conflicts);
                await Error(context, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                return;
            }

            try
            {
                await Ok(context, await UpdatesAsync(body, context.RequestAborted));
            }
            finally
            {
                Interlocked.Decrement(ref _openPolls);
            }

            return;
        }

        switch (method)
        {
            case "getMe":
                await Ok(context, new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Radar", ["username"] = Username });
                break;
            case "getUpdates" when PollFailures.TryDequeue(out var pollFailure):
                await Error(context, pollFailure.Code, pollFailure.Description);
                break;
            case "getUpdates":
                await Ok(context, await UpdatesAsync(body, context.RequestAborted));
                break;
            case "sendMessage" or "editMessageText":
                var text = body["text"]?.GetValue<string>() ?? string.Empty;
                if (text.Length == 0 || text.Length > 4096 * 6)
                {
                    await Error(context, 400, text.Length == 0 ? "Bad Request: message text is empty" : "Bad Request: message is too long");
                    return;
                }

                if (string.Equals(body["parse_mode"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase) && !ValidHtml(text))
                {
                    await Error(context, 400, "Bad Request: can't parse entities: Unsupported start tag");
                    return;
                }

                if (method == "sendMessage")
                {
                    Accepted.Enqueue(body);
                }

                await Ok(context, new JsonObject
                {
                    ["message_id"] = method == "sendMessage" ? Interlocked.Increment(ref _nextMessageId) : body["message_id"]!.GetValue<int>(),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "supergroup" : "private" },
                    ["text"] = text,
                });
                break;
            case "sendPhoto":
                var caption = body["caption"]?.GetValue<string>() ?? string.Empty;
                var photoField = body["photo"]?.ToString() ?? string.Empty;
                var attached = photoField.StartsWith("attach://", StringComparison.Ordinal) && body[photoField["attach://".Length..]] is JsonObject; // an upload names its multipart part
                if (!attached || caption.Length > 1024 * 6 || VisibleLength(caption) > 1024)
                {
                    await Error(context, 400, !attached ? "Bad Request: there is no photo in the request" : "Bad Request: message caption is too long");
                    return;
                }

                if (string.Equals(body["parse_mode"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase) && !ValidHtml(caption))
                {
                    await Error(context, 400, "Bad Request: can't parse entities: Unsupported start tag");
                    return;
                }

                Accepted.Enqueue(body);
                await Ok(context, new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "supergroup" : "private" },
                    ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-1", ["file_unique_id"] = "u1", ["width"] = 1000, ["height"] = 600 }),
                    ["caption"] = caption,
                });
                break;
            case "getChatMember":
                var user = body["user_id"]!.GetValue<long>();
                var status = Admins.Contains((chat!.Value, user)) ? "administrator" : "member";
                await Ok(context, new JsonObject
                {
                    ["status"] = status,
                    ["user"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "U" },
                    ["can_be_edited"] = false,
                    ["is_anonymous"] = false,
                    ["can_manage_chat"] = true,
                    ["can_delete_messages"] = true,
                    ["can_manage_video_chats"] = true,
                    ["can_restrict_members"] = true,
                    ["can_promote_members"] = false,
                    ["can_change_info"] = true,
                    ["can_invite_users"] = true,
                    ["can_post_stories"] = true,
                    ["can_edit_stories"] = true,
                    ["can_delete_stories"] = true,
                });
                break;
            case "setMyCommands" or "deleteWebhook" or "setWebhook":
                await Ok(context, JsonValue.Create(true));
                break;
            default:
                await Error(context, 404, "Not Found: method not found");
                break;
        }
    }

    private async Task<JsonArray> UpdatesAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var deadline = DateTime.UtcNow.AddMilliseconds(300);
        while (true)
        {
            lock (_gate)
            {
                _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset); // confirmed for good
                if (_updates.Count > 0 || DateTime.UtcNow > deadline)
                {
                    return new JsonArray([.. _updates.Take(100).Select(u => u.DeepClone())]);
                }
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Whether a message to the chat now keeps within 30/s overall and 1/s per chat (with 100 ms for clock jitter).</summary>
    private bool Admit(long chat, DateTime now)
    {
        lock (_gate)
        {
            // Arrivals are timed here, after the fake's own request handling, which bunches them on a
            // loaded machine: the same 100 ms allowance as the per-chat rule below.
            while (_recentSends.Count > 0 && _recentSends.Peek() <= now.AddMilliseconds(-900))
            {
                _recentSends.Dequeue();
            }

            if (_recentSends.Count >= 30)
            {
                Refusals.Enqueue($"{now:HH:mm:ss.fff} chat {chat}: over 30 in the last 900 ms overall");
                return false;
            }

            if (_lastSend.TryGetValue(chat, out var last) && now - last < TimeSpan.FromMilliseconds(900))
            {
                Refusals.Enqueue($"{now:HH:mm:ss.fff} chat {chat}: {(now - last).TotalMilliseconds:N0} ms after the previous message to it");
                return false;
            }

            _recentSends.Enqueue(now);
            _lastSend[chat] = now;
            return true;
        }
    }

    private static bool ValidHtml(string text) => AllowedTags().Replace(text, string.Empty).IndexOf('<', StringComparison.Ordinal) < 0;

    private static Task Ok(HttpContext context, JsonNode? result) =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task Error(HttpContext context, int code, string description, JsonObject? parameters = null)
    {
        context.Response.StatusCode = code;
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters.DeepClone();
        }

        return context.Response.WriteAsJsonAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("</?(b|i|u|s|code|pre|a)( href=\"[^\"<>]*\")?>")]
    private static partial Regex AllowedTags();
}
