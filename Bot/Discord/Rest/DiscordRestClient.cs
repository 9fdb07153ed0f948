using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Radar.Bot.Discord.Rest;

/// <summary>
/// A small typed Discord REST client. Rate limits are kept per bucket (the <c>X-RateLimit-Bucket</c>
/// hash, or the route until the hash is known, plus the major parameter): one request in flight per
/// bucket, none sent while the headers say the bucket is empty, and 429 <c>retry_after</c> honoured
/// before the bucket's next request; a global 50 requests/s pace and global 429 pauses everything.
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    public const int MaxAttempts = 3;

    /// <summary>Added to every wait for a bucket's reset: Discord rounds Reset-After to milliseconds and clocks differ.</summary>
    public static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(50);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string _base;
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucketRateLimiter _global = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(20),
        QueueLimit = 100_000,
        AutoReplenishment = true,
    });

    private DateTimeOffset _globalPauseUntil;
    private int _invalidRequests;

    /// <summary>Responses 401, 403 and 429 so far: Discord bans an address that gets 10,000 in 10 minutes, so they are counted and logged.</summary>
    public int InvalidRequests => _invalidRequests;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _time = time;
        _logger = logger;
        _base = options.Value.ApiBaseUrl.TrimEnd('/');
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"DiscordBot ({Feeds.Fetching.FeedFetcher.ProjectUrl}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3)})");
    }

    /// <summary>Replaces a deferred interaction's "thinking…" response with the reply (the interaction webhook).</summary>
    /// <param name="application">The application id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="reply">The message body.</param>
    /// <param name="cancellationToken">Cancels waiting and the request.</param>
    /// <param name="file">A picture to upload with it (its embed points at <c>attachment://</c>), or null.</param>
    public Task<System.Text.Json.Nodes.JsonObject> EditOriginalResponseAsync(string application, string token, object reply, CancellationToken cancellationToken, Chat.ReplyImage? file = null) =>
        SendAsync<System.Text.Json.Nodes.JsonObject>(HttpMethod.Patch, "/webhooks/{app}/{token}/messages/@original", application, $"/webhooks/{application}/{token}/messages/@original", reply, cancellationToken, file);

    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route template, e.g. "/channels/{id}/messages": with the method, the bucket until Discord names it.</param>
    /// <param name="major">The top-level resource (channel, guild or webhook id) that splits buckets.</param>
    /// <param name="path">The concrete path.</param>
    /// <param name="body">A JSON body, or null.</param>
    /// <param name="cancellationToken">Cancels waiting and the request.</param>
    /// <param name="file">A file to upload: the body then goes as multipart/form-data, <c>payload_json</c> and <c>files[0]</c>.</param>
    public async Task<T> SendAsync<T>(HttpMethod method, string route, string major, string path, object? body, CancellationToken cancellationToken, Chat.ReplyImage? file = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var routeKey = method.Method + " " + route;
        for (var attempt = 1; ; attempt++)
        {
            await WaitGlobalAsync(cancellationToken).ConfigureAwait(false);
            var bucket = _buckets.GetOrAdd(_bucketOfRoute.GetValueOrDefault(routeKey, routeKey) + ":" + major, _ => new BucketState());
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var wait = bucket.Remaining == 0 ? bucket.ResetAt - _time.GetUtcNow() + ResetMargin : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                using var request = new HttpRequestMessage(method, _base + path);
                if (file is not null)
                {
                    var json = new StringContent(JsonSerializer.Serialize(body, body?.GetType() ?? typeof(object), Json), System.Text.Encoding.UTF8, "application/json");
                    var png = new ByteArrayContent(file.Png);
                    png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                    request.Content = new MultipartFormDataContent { { json, "payload_json" }, { png, "files[0]", file.FileName } };
                }
                else if (body is not null)
                {
                    request.Content = JsonContent.Create(body, body.GetType());
                }

                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                Remember(routeKey, major, bucket, response);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
                {
                    LogInvalidRequest(_logger, routeKey, (int)response.StatusCode, Interlocked.Increment(ref _invalidRequests));
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var limited = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                    var retry = limited.RetryAfter ?? TimeSpan.FromSeconds(1);
                    if (limited.Global)
                    {
                        _globalPauseUntil = _time.GetUtcNow() + retry;
                    }
                    else
                    {
                        bucket.Remaining = 0;
                        bucket.ResetAt = _time.GetUtcNow() + retry;
                    }

                    LogRateLimited(_logger, routeKey, retry, limited.Global);
                    if (attempt >= MaxAttempts)
                    {
                        throw new DiscordApiException(HttpStatusCode.TooManyRequests, limited.Code, limited.Message, retry);
                    }

                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                    throw new DiscordApiException(response.StatusCode, error.Code, error.Message);
                }

                if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                {
                    return default!; // an interaction callback answers 204
                }

                return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false))!;
            }
            finally
            {
                bucket.Gate.Release();
            }
        }
    }

    public void Dispose()
    {
        _global.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Gate.Dispose();
        }
    }

    private async Task WaitGlobalAsync(CancellationToken cancellationToken)
    {
        var pause = _globalPauseUntil - _time.GetUtcNow();
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
        }

        using var lease = await _global.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the rate-limit headers into the bucket; a named bucket hash is kept for the route from now on.</summary>
    private void Remember(string routeKey, string major, BucketState bucket, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Remaining") is { } remaining && int.TryParse(remaining, CultureInfo.InvariantCulture, out var left))
        {
            bucket.Remaining = left;
        }

        if (Header(response, "X-RateLimit-Reset-After") is { } resetAfter && double.TryParse(resetAfter, CultureInfo.InvariantCulture, out var seconds))
        {
            bucket.ResetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }

        if (Header(response, "X-RateLimit-Bucket") is { } hash && _bucketOfRoute.TryAdd(routeKey, hash))
        {
            _buckets.TryAdd(hash + ":" + major, bucket); // later requests of this route share the named bucket
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<DiscordError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<DiscordError>(Json, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // a Cloudflare page or no body: use the status and Retry-After
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new DiscordError(0, response.ReasonPhrase ?? response.StatusCode.ToString(), retryAfter?.TotalSeconds, false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route} ({Count} invalid requests so far)")]
    private static partial void LogInvalidRequest(ILogger logger, string route, int status, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: waiting {RetryAfter} (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string route, TimeSpan retryAfter, bool global);

    private sealed class BucketState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }
}
