namespace Radar.Bot.Hosting;

/// <summary>
/// Reads an inbound request's body up to a cap: null when it is larger (the endpoint answers 413),
/// without reading past the cap and without the server's own limit throwing (and logging a stack trace).
/// </summary>
public static class RequestBody
{
    /// <summary>The cap of the chat platforms' webhooks: their updates are a few kilobytes.</summary>
    public const long WebhookMaxBytes = 1024 * 1024;

    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        return await Feeds.Fetching.CappedRead.ReadAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>413, quietly.</summary>
    public static IResult TooLarge() => Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
}
