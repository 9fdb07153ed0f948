using System.Globalization;
using Microsoft.Extensions.Options;
using Radar.Bot.Hosting;
using Radar.Bot.Ingest;
using Radar.Feeds;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.WebSub;

/// <summary>
/// The WebSub callback, one URL per subscription (<c>/websub/{key}</c>): the hub's verification GET is
/// answered with its <c>hub.challenge</c> only for the request Radar made (404 otherwise), and a
/// content POST whose <c>X-Hub-Signature</c> matches is ingested like polled content. A POST with a
/// missing or wrong signature is acknowledged (2xx, as the spec asks) and ignored.
/// </summary>
public static partial class WebSubEndpoints
{
    public const string PathPrefix = "/websub/";

    public static IEndpointRouteBuilder MapWebSub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PathPrefix + "{key}", VerifyAsync);
        endpoints.MapPost(PathPrefix + "{key}", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> VerifyAsync(string key, HttpRequest request, WebSubStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var query = request.Query;
        string mode = query["hub.mode"].ToString(), topic = query["hub.topic"].ToString(), challenge = query["hub.challenge"].ToString();
        var subscription = await store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (subscription is null || topic != subscription.Topic)
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var logger = loggers.CreateLogger(typeof(WebSubEndpoints));
        if (mode == WebSubModes.Denied)
        {
            subscription.ExpiresAt = null;
            subscription.LastError = "denied by the hub: " + query["hub.reason"].ToString();
            subscription.NextAttemptAt = now + TimeSpan.FromHours(6);
            await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
            LogDenied(logger, topic, subscription.LastError);
            return Results.Ok();
        }

        if (mode != subscription.Requested || challenge.Length == 0)
        {
            return Results.NotFound(); // not what Radar asked for: someone else's request, or a stale one
        }

        if (mode == WebSubModes.Unsubscribe)
        {
            await store.RemoveAsync(subscription, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var lease = long.TryParse(query["hub.lease_seconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(365).TotalSeconds)) : WebSubSubscriber.RequestedLease;
            subscription.VerifiedAt = now;
            subscription.ExpiresAt = now + lease;
            subscription.NextAttemptAt = WebSubSubscriber.RenewAt(now, now + lease);
            subscription.LastError = null;
            await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        }

        LogVerified(logger, mode, topic);
        return Results.Text(challenge, "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(string key, HttpRequest request, WebSubStore store, StoryIngest ingest, IOptions<FeedsOptions> feeds, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(WebSubEndpoints));
        var body = await RequestBody.ReadAsync(request, feeds.Value.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return RequestBody.TooLarge();
        }

        var subscription = await store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            return Results.NotFound();
        }

        if (!WebSubSignature.IsValid(request.Headers[WebSubSignature.Header], subscription.Secret, body))
        {
            LogBadSignature(logger, subscription.Topic);
            return Results.Accepted(); // the spec: acknowledge, and ignore the content
        }

        var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.ToString() : null;
        await ingest.IngestPushedAsync(subscription.FeedId, body, string.IsNullOrEmpty(charset) ? null : charset, cancellationToken).ConfigureAwait(false);
        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSub: the hub verified {Mode} for {Topic}")]
    private static partial void LogVerified(ILogger logger, string mode, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub: the hub denied the subscription to {Topic} ({Reason})")]
    private static partial void LogDenied(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSub: a push for {Topic} had a missing or wrong signature; ignored")]
    private static partial void LogBadSignature(ILogger logger, string topic);
}
