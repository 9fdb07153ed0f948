using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Radar.Bot.WebSub;

namespace Radar.Tests.Fakes;

/// <summary>
/// A WebSub hub on 127.0.0.1 that behaves as the W3C Recommendation says: it accepts a
/// subscription request with 202, then verifies the intent with a GET to the callback carrying a
/// random <c>hub.challenge</c>, and counts the subscription active only if the challenge comes back.
/// It distributes content with an <c>X-Hub-Signature</c> made with the subscriber's secret.
/// </summary>
public sealed class FakeWebSubHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private FakeWebSubHub(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every request a subscriber sent, as its form fields.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Requests { get; } = new();

    /// <summary>Every verification: the mode, and whether the subscriber echoed the challenge (2xx and the same text).</summary>
    public ConcurrentQueue<(string Mode, bool Confirmed)> Verifications { get; } = new();

    /// <summary>The verified subscriptions by callback: topic and secret.</summary>
    public ConcurrentDictionary<string, (string Topic, string? Secret)> Active { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeWebSubHub> StartAsync()
    {
        var app = Loopback.CreateApp();
        var hub = new FakeWebSubHub(app);
        app.MapPost("/hub", hub.RequestAsync);
        await app.StartAsync();
        hub.Url = app.Urls.First() + "/hub";
        return hub;
    }

    /// <summary>Sends content to every active subscriber of the topic; returns their status codes.</summary>
    public async Task<List<int>> PublishAsync(string topic, string body, bool forgeSignature = false)
    {
        var statuses = new List<int>();
        foreach (var (callback, subscription) in Active.Where(a => a.Value.Topic == topic))
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/rss+xml") { CharSet = "utf-8" };
            request.Headers.Add(WebSubSignature.Header, WebSubSignature.Sign(forgeSignature ? "not-the-secret" : subscription.Secret ?? string.Empty, bytes));
            using var response = await _http.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }

    /// <summary>A verification GET as an impostor would send it, for a callback: returns the status and body.</summary>
    public async Task<(int Status, string Body)> VerifyAsync(string callback, string mode, string topic, string challenge)
    {
        using var response = await _http.GetAsync($"{callback}?hub.mode={mode}&hub.topic={Uri.EscapeDataString(topic)}&hub.challenge={challenge}&hub.lease_seconds=3600");
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task RequestAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Requests.Enqueue(fields);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        _ = Task.Run(async () =>
        {
            await Task.Delay(50); // the hub verifies after answering, as hubs do
            var challenge = Guid.NewGuid().ToString("N");
            var (status, echoed) = await VerifyAsync(fields["hub.callback"], fields["hub.mode"], fields["hub.topic"], challenge);
            var confirmed = status is >= 200 and < 300 && echoed == challenge;
            Verifications.Enqueue((fields["hub.mode"], confirmed));
            if (confirmed && fields["hub.mode"] == "subscribe")
            {
                Active[fields["hub.callback"]] = (fields["hub.topic"], fields.GetValueOrDefault("hub.secret"));
            }
            else if (confirmed)
            {
                Active.TryRemove(fields["hub.callback"], out _);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
