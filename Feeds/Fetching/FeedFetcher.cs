using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Radar.Feeds.Fetching;

/// <summary>
/// Fetches a feed like a polite reader: conditional GET with the validators from the last fetch,
/// compressed transfer, at most five redirects, a timeout for the whole exchange and a body cap
/// that stops the download (never buffers past it). Never throws for network or server trouble:
/// it returns a classified <see cref="FetchResult"/>.
/// </summary>
public sealed class FeedFetcher(HttpClient http, IOptions<FeedsOptions> options, TimeProvider time)
{
    public const int MaxRedirects = 5;

    public const string ProjectUrl = "https://github.com/radar-news/radar";

    public static string UserAgent { get; } =
        $"Radar/{typeof(FeedFetcher).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} (+{ProjectUrl})";

    /// <summary>The handler every feed request goes through: decompression, redirects, and the address guard.</summary>
    public static SocketsHttpHandler CreateHandler(FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = options.Timeout,
            UseCookies = false,
        };
        if (!options.AllowPrivateAddresses)
        {
            handler.ConnectCallback = AddressGuard.ConnectPublicOnlyAsync;
        }

        return handler;
    }

    public async Task<FetchResult> FetchAsync(string url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return FetchResult.Failed(FetchErrorKind.InvalidUrl, $"'{url}' is not an absolute http(s) URL");
        }

        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
            if (!string.IsNullOrEmpty(etag))
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (!string.IsNullOrEmpty(lastModified))
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return await ReadResponseAsync(response, settings.MaxBytes, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed(FetchErrorKind.Timeout, $"no complete answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (FindInner<PrivateAddressException>(e) is { } refused)
        {
            return FetchResult.Failed(FetchErrorKind.PrivateAddress, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Failed(FetchErrorKind.Network, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}");
        }
        catch (IOException e)
        {
            return FetchResult.Failed(FetchErrorKind.Network, e.Message);
        }
    }

    private async Task<FetchResult> ReadResponseAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult { Outcome = FetchOutcome.NotModified, ETag = response.Headers.ETag?.ToString(), LastModified = LastModified(response), RetryAfter = Freshness(response, time.GetUtcNow()), Hub = HubLink(response) };
        }

        if (status is >= 300 and < 400)
        {
            return FetchResult.Failed(FetchErrorKind.TooManyRedirects, $"more than {MaxRedirects} redirects (last: HTTP {status} to {response.Headers.Location})");
        }

        if (!response.IsSuccessStatusCode)
        {
            return FetchResult.Failed(FetchErrorKind.HttpStatus, $"HTTP {status} {response.ReasonPhrase}", RetryAfter(response, time.GetUtcNow())) with { Status = status };
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return FetchResult.Failed(FetchErrorKind.TooLarge, $"the body is {response.Content.Headers.ContentLength} bytes, over the {maxBytes}-byte cap");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await CappedRead.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return FetchResult.Failed(FetchErrorKind.TooLarge, $"the body passed the {maxBytes}-byte cap; download stopped");
            }

            return new FetchResult
            {
                Outcome = FetchOutcome.Content,
                Body = body,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = LastModified(response),
                Charset = response.Content.Headers.ContentType?.CharSet,
                FinalUrl = response.RequestMessage?.RequestUri,
                RetryAfter = Freshness(response, time.GetUtcNow()),
                Hub = HubLink(response),
            };
        }
    }

    private static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.LastModified?.ToString("R") ??
        (response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null);

    /// <summary>How long the server says the feed stays fresh: Cache-Control max-age, else Expires.</summary>
    private static TimeSpan? Freshness(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.CacheControl?.MaxAge ?? (response.Content.Headers.Expires is { } expires && expires > now ? expires - now : null);

    /// <summary>The WebSub hub and self URLs of an HTTP <c>Link</c> header, when it names a hub.</summary>
    private static WebSubLinks? HubLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? WebSubLinks.FromLinkHeader(string.Join(", ", values), response.RequestMessage?.RequestUri) : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        RetryConditionHeaderValue { Delta: { } delta } => delta,
        RetryConditionHeaderValue { Date: { } date } => date - now,
        _ => null,
    };

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T match)
            {
                return match;
            }
        }

        return null;
    }
}
