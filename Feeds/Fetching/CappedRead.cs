namespace Radar.Feeds.Fetching;

/// <summary>Reads a stream to its end, but never more than a cap: what comes from outside (a feed, a webhook, a push) cannot fill the memory.</summary>
public static class CappedRead
{
    /// <summary>The bytes, or null as soon as they pass <paramref name="maxBytes"/> (nothing more is read).</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
