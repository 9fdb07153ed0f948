using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using Radar.Bot.Commands;
using Radar.Bot.Discord;
using Radar.Bot.Hosting;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot.Discord;

/// <summary>The bot with a Discord token, against a fake gateway and a fake REST API on 127.0.0.1.</summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private FakeDiscordRest _rest = null!;
    private FakeDiscordGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync();
        _gateway = await FakeDiscordGateway.StartAsync();
        _rest.GatewayUrl = _gateway.Url.ToString();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    private BotHarness Harness(params Radar.Feeds.Model.FeedSource[] feeds)
    {
        var bot = new BotHarness(feeds);
        bot.Settings["Radar:Discord:Token"] = FakeDiscordRest.Token;
        bot.Settings["Radar:Discord:ApiBaseUrl"] = _rest.ApiBaseUrl;
        bot.Settings["Radar:Feeds:PollInterval"] = "1.00:00:00";
        return bot;
    }

    private static JsonObject Interaction(string id, int type, string command, JsonArray options, string permissions) => new()
    {
        ["id"] = id,
        ["application_id"] = "42",
        ["token"] = "token-" + id,
        ["type"] = type,
        ["channel_id"] = "777",
        ["guild_id"] = "9",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "5", ["username"] = "u" }, ["permissions"] = permissions },
        ["data"] = new JsonObject { ["id"] = "c", ["name"] = command, ["type"] = 1, ["options"] = options },
    };

    private IEnumerable<JsonObject> Callbacks(string id) => _rest.Calls.Where(c => c.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal)).Select(c => c.Body);

    [Fact]
    public async Task SlashCommandsAreRegisteredAndAnsweredWithManagePermissionsRechecked()
    {
        _gateway.Script = async (connection, socket, sequence) =>
        {
            if (connection > 0)
            {
                return;
            }

            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence, Interaction("1", 2, "subscribe", [new JsonObject { ["name"] = "topic", ["type"] = 3, ["value"] = "talent" }, new JsonObject { ["name"] = "org", ["type"] = 3, ["value"] = "Meta" }, new JsonObject { ["name"] = "ping", ["type"] = 8, ["value"] = "4242" }], "16")));
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 5, Interaction("6", 2, "subscribe", [new JsonObject { ["name"] = "topic", ["type"] = 3, ["value"] = "talent" }, new JsonObject { ["name"] = "ping", ["type"] = 8, ["value"] = "9" }], "16")));
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 1, Interaction("2", 2, "subscribe", [new JsonObject { ["name"] = "topic", ["type"] = 3, ["value"] = "talent" }], "1024")));
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 2, Interaction("3", 4, "whois", [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "lampl", ["focused"] = true }], "0")));
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 3, Interaction("4", 2, "whois", [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "Guillaume Lample" }], "0")));
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 4, Interaction("5", 2, "whois", [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "غيوم لامبل" }], "0")));
        };
        await using var feeds = await FeedServer.StartAsync();
        var ready = false;
        var (title, body) = SeedStory.Read();
        feeds.Map("/ar.xml", async context =>
        {
            context.Response.StatusCode = ready ? 200 : 404;
            if (ready)
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Rss.Document(new Rss.Item(title, "https://ar.news.test/meta", "s1", DateTimeOffset.UtcNow.AddHours(-1), body)));
            }
        });
        using var bot = Harness(new Radar.Feeds.Model.FeedSource("Arabic news", feeds.Url("/ar.xml"), "ar"));
        var mode = RunMode.Parse([]);
        await using var app = bot.Build(mode, new StringWriter());
        using var stop = new CancellationTokenSource();
        var running = RadarHost.RunAsync(app, mode, stop.Token);

        await Wait.UntilAsync(() => Callbacks("1").Any() && Callbacks("2").Any() && Callbacks("3").Any() && Callbacks("4").Any() && Callbacks("5").Any() && Callbacks("6").Any());
        await RunningBot.WaitForFirstPollAsync(app.Services);
        ready = true;
        await app.Services.GetRequiredService<Radar.Bot.Ingest.FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        await app.Services.GetRequiredService<Radar.Bot.Delivery.DeliveryDispatcher>().DispatchAsync(CancellationToken.None);
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(TimeSpan.FromSeconds(30)));

        var subscribe = _rest.Commands.Single(c => c!["name"]!.GetValue<string>() == "subscribe")!;
        Assert.Equal("16", subscribe["default_member_permissions"]!.GetValue<string>());
        Assert.True(_rest.Commands.Single(c => c!["name"]!.GetValue<string>() == "whois")!["options"]![0]!["autocomplete"]!.GetValue<bool>());
        var identify = _gateway.Received.First(r => r.Payload["op"]!.GetValue<int>() == 2).Payload["d"]!;
        Assert.Equal(1, identify["intents"]!.GetValue<int>());

        var subscribed = Callbacks("1").Single();
        Assert.Equal(4, subscribed["type"]!.GetValue<int>());
        Assert.StartsWith("Subscribed #2: talent org:Meta", subscribed["data"]!["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var refused = Callbacks("2").Single();
        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>()); // ephemeral
        Assert.Contains(ChannelContext.ManageOnly, refused["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var choices = Callbacks("3").Single();
        Assert.Equal(8, choices["type"]!.GetValue<int>());
        Assert.Contains(choices["data"]!["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == "Guillaume Lample");
        Assert.Contains("Path: Meta → Mistral AI", Callbacks("4").Single()["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Path: Meta → Mistral AI", Callbacks("5").Single()["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal); // Arabic input
        Assert.All(_rest.Calls.Where(c => c.Path.Contains("/interactions/", StringComparison.Ordinal) && c.Body["type"]!.GetValue<int>() == 4), c => Assert.Empty(c.Body["data"]!["allowed_mentions"]!["parse"]!.AsArray()));
        var alert = Assert.Single(_rest.Calls, c => c.Method == "POST" && c.Path == "/api/v10/channels/777/messages").Body;
        Assert.StartsWith("Guillaume Lample: Meta → Mistral AI", alert["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(alert["allowed_mentions"]!["parse"]!.AsArray());

        // The subscription opted into one role: the alert mentions it and allows that role alone; @everyone (the server's id) is refused.
        Assert.Equal("<@&4242>", alert["content"]!.GetValue<string>());
        Assert.Equal(["4242"], alert["allowed_mentions"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("never pings @everyone", Callbacks("6").Single()["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(8, subscribe["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "ping")!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task AMalformedEventIsLoggedAndTheConnectionKeepsServing()
    {
        _gateway.Script = async (connection, socket, sequence) =>
        {
            if (connection > 0)
            {
                return;
            }

            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("CHANNEL_DELETE", sequence, new JsonObject())); // no id
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence + 1, Interaction("1", 2, "whois", [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "Guillaume Lample" }], "0")));
        };
        using var bot = Harness();
        var mode = RunMode.Parse([]);
        await using var app = bot.Build(mode, new StringWriter());
        using var stop = new CancellationTokenSource();
        var running = RadarHost.RunAsync(app, mode, stop.Token);

        await Wait.UntilAsync(() => Callbacks("1").Any());
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Single(_gateway.Connections); // the bad event did not cost the connection
        Assert.Contains("Path: Meta → Mistral AI", Callbacks("1").Single()["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlowsChartIsUploadedWithTheDeferredReplyAndItsEmbedPointsAtTheAttachment()
    {
        _gateway.Script = async (connection, socket, sequence) =>
        {
            if (connection == 0)
            {
                await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence, Interaction("1", 2, "flows", [new JsonObject { ["name"] = "org", ["type"] = 3, ["value"] = "Meta" }, new JsonObject { ["name"] = "since", ["type"] = 3, ["value"] = "2020" }], "0")));
            }
        };
        using var bot = Harness();
        var mode = RunMode.Parse([]);
        await using var app = bot.Build(mode, new StringWriter());
        using var stop = new CancellationTokenSource();
        var running = RadarHost.RunAsync(app, mode, stop.Token);

        await Wait.UntilAsync(() => _rest.Calls.Any(c => c.Method == "PATCH"));
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(DiscordInteractionHandler.Deferred, Callbacks("1").Single()["type"]!.GetValue<int>());
        var edit = Assert.Single(_rest.Calls, c => c.Method == "PATCH").Body;
        Assert.Equal("attachment://flows-meta.png", edit["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        Assert.Equal("flows-meta.png", edit["attachments"]![0]!["filename"]!.GetValue<string>());
        Assert.Contains("since 2020", edit["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
        var file = Assert.Single(_rest.Files);
        Assert.Equal(("files[0]", "flows-meta.png", "image/png"), (file.Part, file.FileName, file.ContentType));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, file.Bytes[..4]);
    }

    [Fact]
    public async Task MissingAccessDeactivatesTheChannelAndAFatalGatewayCloseLeavesTheBotRunning()
    {
        _gateway.Script = async (connection, socket, sequence) =>
        {
            await FakeDiscordGateway.SendAsync(socket, FakeDiscordGateway.Dispatch("INTERACTION_CREATE", sequence, Interaction("1", 2, "subscribe", [new JsonObject { ["name"] = "topic", ["type"] = 3, ["value"] = "launches" }], "8")));
            await socket.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)4004, "Authentication failed", CancellationToken.None);
        };
        await using var feeds = await FeedServer.StartAsync();
        var ready = false;
        feeds.Map("/feed.xml", async context =>
        {
            context.Response.StatusCode = ready ? 200 : 404;
            if (ready)
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Rss.Document(new Rss.Item("OpenAI launches GPT-9", "https://news.test/gpt9", "g9", DateTimeOffset.UtcNow.AddHours(-1))));
            }
        });
        using var bot = Harness(new Radar.Feeds.Model.FeedSource("News", feeds.Url("/feed.xml")));
        var mode = RunMode.Parse([]);
        await using var app = bot.Build(mode, new StringWriter());
        using var stop = new CancellationTokenSource();
        var running = RadarHost.RunAsync(app, mode, stop.Token);
        await Wait.UntilAsync(() => Callbacks("1").Any() && !_gateway.Received.IsEmpty);
        await Task.Delay(600); // the gateway closes with 4004: Discord stops, the rest must not

        await RunningBot.WaitForFirstPollAsync(app.Services); // the scheduled first poll (a 404) is over: ours is the one that ingests
        _rest.Fail("777", 403, 50001, "Missing Access");
        ready = true;
        await app.Services.GetRequiredService<Radar.Bot.Ingest.FeedPoller>().PollAsync(dueOnly: false, CancellationToken.None);
        await app.Services.GetRequiredService<Radar.Bot.Delivery.DeliveryDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.False(running.IsCompleted);
        Assert.Single(_gateway.Connections); // no reconnect loop after 4004
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var channel = await scope.ServiceProvider.GetRequiredService<Radar.Storage.Stores.ChannelStore>().FindAsync("discord", "777", CancellationToken.None);
            var rows = string.Join("; ", Radar.Tests.Support.BotDatabase.OpenDatabase(scope.ServiceProvider).Deliveries.Select(d => $"{d.ChannelId} {d.State} {d.LastError}"));
            Assert.False(channel!.Active, $"deliveries: {rows}; calls: {string.Join(", ", _rest.Calls.Select(c => c.Method + " " + c.Path))}");
            Assert.Contains("Missing Access", channel.InactiveReason, StringComparison.Ordinal);
        }

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await running.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheHttpInteractionsEndpointChecksTheSignatureAndEditsDeferredReplies()
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        using var bot = Harness();
        bot.Settings["Radar:Discord:PublicKey"] = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        bot.Settings["Radar:Discord:GatewayUrl"] = _gateway.Url.ToString();
        bot.Settings["Radar:Discord:DeferAfter"] = "00:00:00"; // every command deferred
        var mode = RunMode.Parse([]);
        await using var app = bot.Build(mode, new StringWriter());
        using var stop = new CancellationTokenSource();
        var running = RadarHost.RunAsync(app, mode, stop.Token);
        await Wait.UntilAsync(() => app.Lifetime.ApplicationStarted.IsCancellationRequested);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        async Task<HttpResponseMessage> PostAsync(string body, bool sign)
        {
            const string Timestamp = "1764300000";
            var signature = algorithm.Sign(key, Encoding.UTF8.GetBytes(Timestamp + body));
            using var request = new HttpRequestMessage(HttpMethod.Post, address + DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(sign ? signature : new byte[64]));
            request.Headers.Add("X-Signature-Timestamp", Timestamp);
            return await http.SendAsync(request);
        }

        using var ping = await PostAsync("""{"id":"1","application_id":"42","token":"t","type":1}""", sign: true);
        using var forged = await PostAsync("""{"id":"1","application_id":"42","token":"t","type":1}""", sign: false);
        using var whois = await PostAsync(Interaction("7", 2, "whois", [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "Guillaume Lample" }], "0").ToJsonString(), sign: true);
        using var notJson = await PostAsync("{not json", sign: true);
        using var wrongShape = await PostAsync(""" {"id":"1","type":2,"data":7} """, sign: true);
        using var noFields = await PostAsync("[]", sign: true);
        using var huge = await PostAsync("\"" + new string('x', 2 * 1024 * 1024) + "\"", sign: true);
        await Wait.UntilAsync(() => _rest.Calls.Any(c => c.Method == "PATCH"));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("""{"type":1}""", await ping.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFields.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(DiscordInteractionHandler.Deferred, JsonNode.Parse(await whois.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        var edit = Assert.Single(_rest.Calls, c => c.Method == "PATCH");
        Assert.Equal("/api/v10/webhooks/42/token-7/messages/@original", edit.Path);
        Assert.Contains("Path: Meta → Mistral AI", edit.Body["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
