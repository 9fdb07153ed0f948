using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.Hosting;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.WebSub;

/// <summary>
/// Keeps feeds' WebSub subscriptions (W3C WebSub §5): asks the hub to subscribe when a poll found one,
/// renews before the lease ends, retries with backoff when the hub refuses or fails, and unsubscribes
/// when the feed is removed. The hub then verifies each request at the callback
/// (<see cref="WebSubEndpoints"/>). Runs on the holder of the <c>websub</c> lease only.
/// </summary>
public sealed partial class WebSubSubscriber(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<HttpOptions> http,
    LeaseManager leases,
    TimeProvider time,
    ILogger<WebSubSubscriber> logger) : BackgroundService
{
    public const string LeaseName = "websub";

    /// <summary>The lease asked of each hub; a hub may grant another.</summary>
    public static readonly TimeSpan RequestedLease = TimeSpan.FromDays(7);

    /// <summary>How long a request waits for its verification before it is sent again.</summary>
    public static readonly TimeSpan VerificationWait = TimeSpan.FromMinutes(10);

    /// <summary>The named HTTP client for hubs: the feeds' handler, so the private-address guard applies to hubs too.</summary>
    public const string HttpClientName = "websub";

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _wake = new(0);

    // Asked for when the subscriber is made, before the host starts, so that one instance holds it from the start.
    private readonly Lease? _lease = string.IsNullOrEmpty(http.Value.PublicUrl) ? null : leases.Get(LeaseName);

    /// <summary>The callback URL of a subscription.</summary>
    public string CallbackUrl(string callbackKey) => http.Value.PublicUrl!.TrimEnd('/') + WebSubEndpoints.PathPrefix + callbackKey;

    /// <summary>Runs a round soon (a poll found a new hub).</summary>
    public void Wake() => _wake.Release();

    /// <summary>When to renew a verified lease: at four fifths of it.</summary>
    public static DateTime RenewAt(DateTime verifiedAt, DateTime expiresAt) => verifiedAt + ((expiresAt - verifiedAt) * 0.8);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_lease is not { } lease)
        {
            return; // no address for hubs to call: nothing to subscribe
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lease.IsHeld)
                {
                    await RoundAsync(lease.Token).ConfigureAwait(false);
                }

                await _wake.WaitAsync(Tick, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e.Message);
                await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One pass over the due subscriptions.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WebSubStore>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (subscription, feedEnabled) in await store.DueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            var mode = feedEnabled ? WebSubModes.Subscribe : WebSubModes.Unsubscribe;
            if (!feedEnabled && subscription.Requested == WebSubModes.Unsubscribe)
            {
                await store.RemoveAsync(subscription, cancellationToken).ConfigureAwait(false); // asked once and never verified: the feed is gone either way
                continue;
            }

            var error = await RequestAsync(subscription, mode, cancellationToken).ConfigureAwait(false);
            now = time.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                subscription.Requested = mode;
                subscription.Failures = 0;
                subscription.LastError = null;
                subscription.NextAttemptAt = now + VerificationWait; // the verification moves it on
                LogRequested(logger, mode, subscription.Topic, subscription.Hub);
            }
            else if (!feedEnabled && subscription.Failures >= 3)
            {
                await store.RemoveAsync(subscription, cancellationToken).ConfigureAwait(false); // the feed is gone and its hub does not answer: forget it
                continue;
            }
            else
            {
                subscription.Failures++;
                subscription.LastError = error.Length > 1000 ? error[..1000] : error;
                subscription.NextAttemptAt = now + Feeds.Fetching.PollSchedule.AfterFailure(TimeSpan.FromMinutes(1), subscription.Failures, null, Random.Shared.NextDouble());
                LogRequestFailed(logger, mode, subscription.Hub, error);
            }

            await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <c>hub.mode</c> for the subscription; null when the hub accepted it (2xx), else why not.</summary>
    private async Task<string?> RequestAsync(WebSubSubscriptionRecord subscription, string mode, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hub.mode"] = mode,
            ["hub.topic"] = subscription.Topic,
            ["hub.callback"] = CallbackUrl(subscription.CallbackKey),
        };
        if (mode == WebSubModes.Subscribe)
        {
            fields["hub.secret"] = subscription.Secret;
            fields["hub.lease_seconds"] = ((long)RequestedLease.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(subscription.Hub), content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return e is OperationCanceledException ? "no answer within 20 s" : e.Message;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSub: asked to {Mode} {Topic} at {Hub}")]
    private static partial void LogRequested(ILogger logger, string mode, string topic, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub: {Mode} at {Hub} failed: {Error}")]
    private static partial void LogRequestFailed(ILogger logger, string mode, string hub, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub round failed ({Reason}); trying again shortly")]
    private static partial void LogRoundFailed(ILogger logger, string reason);
}
