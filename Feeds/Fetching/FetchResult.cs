namespace Radar.Feeds.Fetching;

/// <summary>What one fetch returned: the body with its validators, 304, or a classified failure.</summary>
public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }

    public byte[] Body { get; init; } = [];

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The charset of the Content-Type header, if any.</summary>
    public string? Charset { get; init; }

    /// <summary>The URL the body came from after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public FetchErrorKind? Error { get; init; }

    /// <summary>The HTTP status of a <see cref="FetchErrorKind.HttpStatus"/> failure (404, 429, 503).</summary>
    public int? Status { get; init; }

    public string? Message { get; init; }

    /// <summary>The WebSub hub named by the response's <c>Link</c> header, if any.</summary>
    public WebSubLinks? Hub { get; init; }

    /// <summary>How long the server asked us to wait (Retry-After, or Cache-Control max-age or Expires on success).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static FetchResult Failed(FetchErrorKind kind, string message, TimeSpan? retryAfter = null) =>
        new() { Outcome = FetchOutcome.Failed, Error = kind, Message = message, RetryAfter = retryAfter };

    /// <summary>Why a poll failed: the fetch's failure, else the parse's of what it fetched ("parse: …"); null when both went well.</summary>
    public string? FailureWith(Parsing.ParsedFeed? parsed) =>
        Outcome == FetchOutcome.Failed ? ToString() : parsed?.Error is { } parseError ? "parse: " + parseError : null;

    public override string ToString() => Outcome == FetchOutcome.Failed ? $"{Error}: {Message}" : Outcome.ToString();
}
