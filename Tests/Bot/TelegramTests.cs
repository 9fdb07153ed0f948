using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Chat;
using Radar.Bot.Commands;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;
using Radar.Bot.Telegram;
using Radar.Feeds.Extraction;
using Radar.Feeds.Model;
using Radar.Storage.Stores;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>The real Telegram.Bot client and our adapter against a fake Bot API on 127.0.0.1.</summary>
public sealed class TelegramTests : IAsyncLifetime
{
    private FakeTelegram _telegram = null!;
    private FeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegram.StartAsync();
        _feeds = await FeedServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    private BotHarness Harness(params FeedSource[] feeds)
    {
        var bot = new BotHarness(feeds);
        bot.Settings["Radar:Telegram:Token"] = FakeTelegram.Token;
        bot.Settings["Radar:Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        bot.Settings["Radar:Telegram:PollTimeout"] = "00:00:01";
        bot.Settings["Radar:Feeds:PollInterval"] = "1.00:00:00";
        return bot;
    }

    private static Task<RunningBot> StartAsync(BotHarness bot) => RunningBot.StartAsync(bot);

    [Fact]
    public async Task APrivateChatSubscribesAndReceivesTheSeedStorysAlert()
    {
        var ready = false;
        var (title, body) = SeedStory.Read();
        _feeds.Map("/ar.xml", async context =>
        {
            if (!ready)
            {
                context.Response.StatusCode = 404;
                return;
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Rss.Document(new Rss.Item(title, "https://ar.news.test/meta", "s1", DateTimeOffset.UtcNow.AddHours(-1), body)));
        });
        using var bot = Harness(new FeedSource("Arabic news", _feeds.Url("/ar.xml"), "ar"));
        await using var running = await StartAsync(bot);

        _telegram.Say(1001, 1001, "/subscribe topic:talent org:ميتا");
        await Wait.UntilAsync(() => _telegram.TextsTo(1001).Any(t => t.Contains("Subscribed", StringComparison.Ordinal)));
        await running.WaitForFirstPollAsync();
        ready = true;
        await running.App.Services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        await running.App.Services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(CancellationToken.None);

        var alert = Assert.Single(_telegram.Sent(), m => m["chat_id"]!.GetValue<long>() == 1001 && m["text"]!.GetValue<string>().Contains("Mistral", StringComparison.Ordinal));
        Assert.StartsWith("<b>Guillaume Lample: Meta → Mistral AI", alert["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Html", alert["parse_mode"]!.GetValue<string>());
        Assert.Contains("matched talent org:Meta", alert["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_telegram.Calls, c => c.Method == "setMyCommands");
    }

    [Fact]
    public async Task AnArabicChatGetsACompactSilentAlertThatReadsRightToLeft()
    {
        var ready = false;
        var (title, body) = SeedStory.Read();
        _feeds.Map("/ar.xml", async context =>
        {
            context.Response.StatusCode = ready ? 200 : 404;
            if (ready)
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Rss.Document(new Rss.Item(title, "https://ar.news.test/meta", "s1", DateTimeOffset.UtcNow.AddHours(-1), body)));
            }
        });
        using var bot = Harness(new FeedSource("الجزيرة", _feeds.Url("/ar.xml"), "ar"));
        await using var running = await StartAsync(bot);

        _telegram.Say(1003, 1003, "/language ar");
        _telegram.Say(1003, 1003, "/style compact");
        _telegram.Say(1003, 1003, "/subscribe topic:talent org:ميتا notify:off");
        await Wait.UntilAsync(() => _telegram.TextsTo(1003).Any(t => t.Contains("Subscribed", StringComparison.Ordinal)));
        await running.WaitForFirstPollAsync();
        ready = true;
        await running.App.Services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        await running.App.Services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(CancellationToken.None);

        var alert = Assert.Single(_telegram.Sent(), m => m["chat_id"]!.GetValue<long>() == 1003 && m["text"]!.GetValue<string>().Contains(Bidi.Isolate, StringComparison.Ordinal));
        Assert.True(alert["disable_notification"]!.GetValue<bool>());
        var text = alert["text"]!.GetValue<string>();
        Assert.Equal(3, text.Split('\n').Length); // the headline, one line of summary, the link
        Assert.StartsWith("<b>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ar.news.test/meta\">", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoisAnswersInEnglishAndArabicAndIgnoresCommandsForOtherBots()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);

        _telegram.Say(1002, 1002, "/whois Guillaume Lample");
        _telegram.Say(1002, 1002, $"/whois@{FakeTelegram.Username} غيوم لامبل");
        _telegram.Say(1002, 1002, "/whois@SomeOtherBot Guillaume Lample");
        _telegram.Say(1002, 1002, "/help");
        await Wait.UntilAsync(() => _telegram.TextsTo(1002).Count() >= 3);
        await Task.Delay(200);

        var replies = _telegram.TextsTo(1002).ToList();
        Assert.Equal(3, replies.Count);
        Assert.All(replies.Take(2), r => Assert.Contains("Path: Meta → Mistral AI", r, StringComparison.Ordinal));
        Assert.Contains("/whois", replies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowsAndTeamArriveAsPhotosWithEscapedCaptions()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);

        _telegram.Say(1012, 1012, "/flows org:Meta");
        _telegram.Say(1012, 1012, "/team LLaMA-65B");
        await Wait.UntilAsync(() => _telegram.Sent("sendPhoto").Count() == 2);

        var photo = _telegram.Sent("sendPhoto").First(p => p["caption"]!.GetValue<string>().StartsWith("<b>Meta", StringComparison.Ordinal));
        var team = _telegram.Sent("sendPhoto").Single(p => p != photo);
        Assert.Equal(1012, photo["chat_id"]!.GetValue<long>());
        Assert.Equal("Html", photo["parse_mode"]!.GetValue<string>());
        var caption = photo["caption"]!.GetValue<string>();
        Assert.StartsWith("<b>Meta: ", caption, StringComparison.Ordinal);
        Assert.Contains("Data: Epoch AI", caption, StringComparison.Ordinal);
        var file = Assert.Single(_telegram.Files, f => f.FileName == "flows-meta.png");
        Assert.Equal("attach://" + file.Field, photo["photo"]!.GetValue<string>());
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, file.Bytes[..4]);
        Assert.Contains("at Mistral AI: Guillaume Lample", team["caption"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(team["caption"]!.GetValue<string>().Length <= 1024 * 2); // cut to Telegram's 1,024 visible characters (checked by the fake)
    }

    [Fact]
    public async Task OnlyGroupAdministratorsChangeSubscriptions()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);
        _telegram.Admins.Add((-2001, 56));

        _telegram.Say(-2001, 55, "/subscribe topic:talent", "group");
        _telegram.Say(-2001, 56, "/subscribe topic:talent", "group");
        await Wait.UntilAsync(() => _telegram.TextsTo(-2001).Count() >= 2);

        var replies = _telegram.TextsTo(-2001).ToList();
        Assert.Contains(WebUtility.HtmlEncode(ChannelContext.ManageOnly), replies[0], StringComparison.Ordinal);
        Assert.Contains("Subscribed", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostileTitleIsEscapedAndAcceptedWhileErrorsAreClassified()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);
        var platform = running.App.Services.GetRequiredService<TelegramPlatform>();
        Alert Alert(long chat) => new(1, chat.ToString(CultureInfo.InvariantCulture), string.Empty, "GPT-5 <beats> \"o3\" & more", "<script>x</script>", "https://news.test/a?b=1&c=2", "Feed", DateTimeOffset.UtcNow, "all");

        var hostile = await platform.SendAlertAsync(Alert(1003), CancellationToken.None);
        _telegram.Fail(1004, 429, "Too Many Requests: retry after 3", new JsonObject { ["retry_after"] = 3 });
        var limited = await platform.SendAlertAsync(Alert(1004), CancellationToken.None);
        var after = await platform.SendAlertAsync(Alert(1004), CancellationToken.None);
        _telegram.Fail(1005, 403, "Forbidden: bot was blocked by the user");
        var blocked = await platform.SendAlertAsync(Alert(1005), CancellationToken.None);
        _telegram.Fail(1006, 400, "Bad Request: chat not found");
        var missing = await platform.SendAlertAsync(Alert(1006), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, hostile.Status);
        Assert.Contains("GPT-5 &lt;beats&gt; &quot;o3&quot; &amp; more", _telegram.TextsTo(1003).Single(), StringComparison.Ordinal);
        Assert.Equal((SendStatus.Transient, TimeSpan.FromSeconds(3)), (limited.Status, limited.RetryAfter!.Value));
        Assert.Equal(SendStatus.Sent, after.Status);
        Assert.Equal(SendStatus.Permanent, blocked.Status);
        Assert.Equal(SendStatus.Permanent, missing.Status);
    }

    [Fact]
    public async Task AGroupUpgradedToASupergroupMovesItsChannelAndGetsTheMessageThere()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);
        await using (var scope = running.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChannelStore>().EnsureAsync("telegram", "-4001", "Group", false, DateTime.UtcNow, CancellationToken.None);
        }

        _telegram.Fail(-4001, 400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = -1004001 });
        var result = await running.App.Services.GetRequiredService<TelegramPlatform>()
            .SendAlertAsync(new Alert(1, "-4001", string.Empty, "OpenAI launches GPT-9", string.Empty, null, "Feed", DateTimeOffset.UtcNow, "all"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Single(_telegram.TextsTo(-1004001));
        await using var check = running.App.Services.CreateAsyncScope();
        Assert.NotNull(await check.ServiceProvider.GetRequiredService<ChannelStore>().FindAsync("telegram", "-1004001", CancellationToken.None));
    }

    [Fact]
    public async Task AForumTopicIsItsOwnChannelAndGetsItsAlertsThere()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);
        _telegram.Admins.Add((-3001, 57));

        _telegram.Say(-3001, 57, "/subscribe topic:launches", "supergroup", topic: 77);
        await Wait.UntilAsync(() => _telegram.TextsTo(-3001).Any());
        await running.App.Services.GetRequiredService<TelegramPlatform>()
            .SendAlertAsync(new Alert(1, "-3001", "77", "OpenAI launches GPT-9", string.Empty, null, "Feed", DateTimeOffset.UtcNow, "launches"), CancellationToken.None);

        var messages = _telegram.Sent().Where(m => m["chat_id"]!.GetValue<long>() == -3001).ToList();
        Assert.All(messages, m => Assert.Equal(77, m["message_thread_id"]!.GetValue<int>()));
        Assert.Contains("Subscribed", messages[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, messages.Count);
        await using var scope = running.App.Services.CreateAsyncScope();
        var subscriptions = await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().ActiveFiltersAsync(CancellationToken.None);
        var channel = await scope.ServiceProvider.GetRequiredService<ChannelStore>().GetAsync(subscriptions.Single(s => s.Topic == Topic.Launches).ChannelId, CancellationToken.None);
        Assert.Equal(("-3001", "77"), (channel!.ExternalId, channel.ThreadId));
    }

    [Fact]
    public async Task RemovingTheBotDeactivatesTheChannelAndAddingItBackGreets()
    {
        using var bot = Harness();
        await using var running = await StartAsync(bot);
        _telegram.Admins.Add((-5001, 58));
        _telegram.Say(-5001, 58, "/subscribe topic:talent", "group");
        await Wait.UntilAsync(() => _telegram.TextsTo(-5001).Any());
        JsonObject Membership(string from, string to) => new()
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = -5001, ["type"] = "group", ["title"] = "A group" },
                ["from"] = new JsonObject { ["id"] = 58, ["is_bot"] = false, ["first_name"] = "Admin" },
                ["date"] = 1_764_300_000,
                ["old_chat_member"] = new JsonObject { ["status"] = from, ["user"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Radar" } },
                ["new_chat_member"] = new JsonObject { ["status"] = to, ["user"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Radar" } },
            },
        };
        async Task<bool> ActiveAsync()
        {
            await using var scope = running.App.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ChannelStore>().FindAsync("telegram", "-5001", CancellationToken.None))!.Active;
        }

        _telegram.Queue(Membership("member", "left"));
        await Wait.UntilAsync(() => !ActiveAsync().GetAwaiter().GetResult());
        _telegram.Queue(Membership("left", "member"));
        await Wait.UntilAsync(() => _telegram.TextsTo(-5001).Count() >= 2);

        Assert.True(await ActiveAsync());
        Assert.Contains("/subscribe", _telegram.TextsTo(-5001).Last(), StringComparison.Ordinal); // the /help greeting
    }

    [Fact]
    public async Task AConflictWithAnotherPollerIsReportedAndRetriedNotACrash()
    {
        _telegram.PollFailures.Enqueue((409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        _telegram.PollFailures.Enqueue((409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        using var bot = Harness();
        await using var running = await StartAsync(bot);

        _telegram.Say(1009, 1009, "/help");
        await Wait.UntilAsync(() => _telegram.TextsTo(1009).Any());

        Assert.True(_telegram.PollFailures.IsEmpty);
        Assert.False(running.Task.IsCompleted); // still running
    }

    [Fact]
    public async Task AfterARestartNoUpdateIsHandledTwice()
    {
        using var bot = Harness();
        await using (var first = await StartAsync(bot))
        {
            for (var i = 0; i < 3; i++)
            {
                _telegram.Say(1007, 1007, "/help");
            }

            await Wait.UntilAsync(() => _telegram.TextsTo(1007).Count() == 3);
        }

        var callsBefore = _telegram.Calls.Count;
        _telegram.Say(1007, 1007, "/help");
        _telegram.Say(1007, 1007, "/help");
        await using (var second = await StartAsync(bot))
        {
            await Wait.UntilAsync(() => _telegram.TextsTo(1007).Count() >= 5);
            await Task.Delay(300);
        }

        Assert.Equal(5, _telegram.TextsTo(1007).Count());
        var firstPollAfterRestart = _telegram.Calls.Skip(callsBefore).First(c => c.Method == "getUpdates").Body;
        Assert.Equal(4, firstPollAfterRestart["offset"]!.GetValue<int>()); // the offset came back from the database
    }

    [Fact]
    public async Task TheWebhookEnforcesItsSecretAndHandlesARedeliveredUpdateOnce()
    {
        using var bot = Harness();
        bot.Settings["Radar:Telegram:Mode"] = "Webhook";
        bot.Settings["Radar:Telegram:WebhookUrl"] = "https://radar.example.test/telegram/webhook";
        bot.Settings["Radar:Telegram:WebhookSecret"] = "s3cret-token";
        await using var running = await StartAsync(bot);
        var address = running.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        HttpRequestMessage Post(string? secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, address + "/telegram/webhook")
            {
                Content = new StringContent(
                    """{"update_id":1,"message":{"message_id":5,"date":1764300000,"chat":{"id":1008,"type":"private"},"from":{"id":1008,"is_bot":false,"first_name":"A"},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}""",
                    Encoding.UTF8,
                    "application/json"),
            };
            if (secret is not null)
            {
                request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
            }

            return request;
        }

        using var none = await http.SendAsync(Post(null));
        using var wrong = await http.SendAsync(Post("guess"));
        using var right = await http.SendAsync(Post("s3cret-token"));
        using var redelivered = await http.SendAsync(Post("s3cret-token")); // Telegram retries after a timeout
        using var huge = new HttpRequestMessage(HttpMethod.Post, address + "/telegram/webhook") { Content = new StringContent(new string(' ', 2 * 1024 * 1024), Encoding.UTF8, "application/json") };
        huge.Headers.Add(TelegramWebhookEndpoint.SecretHeader, "s3cret-token");
        using var tooLarge = await http.SendAsync(huge);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await Task.Delay(200);
        Assert.Single(_telegram.TextsTo(1008));
        Assert.Contains(_telegram.Calls, c => c.Method == "setWebhook" && c.Body["secret_token"]?.GetValue<string>() == "s3cret-token");
        Assert.DoesNotContain(_telegram.Calls, c => c.Method == "getUpdates");
    }
}
