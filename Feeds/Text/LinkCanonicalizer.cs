namespace Radar.Feeds.Text;

/// <summary>One spelling per link, so that the same article from two fetches or feeds compares equal.</summary>
public static class LinkCanonicalizer
{
    private static readonly string[] TrackingParameters = ["utm_", "fbclid", "gclid", "mc_cid", "mc_eid"];

    /// <summary>
    /// Absolute http(s) link without fragment and tracking parameters (utm_*, fbclid, gclid),
    /// lower-case scheme and host, default port dropped. Null when the input is not such a link.
    /// </summary>
    public static string? Canonicalize(string? link, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        link = link.Trim();
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            if (baseUri is null || !Uri.TryCreate(baseUri, link, out uri) || uri.Scheme is not ("http" or "https"))
            {
                return null;
            }
        }

        var builder = new UriBuilder(uri) { Fragment = string.Empty };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        builder.Query = FilterQuery(uri.Query);
        return builder.Uri.AbsoluteUri;
    }

    private static string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !TrackingParameters.Any(prefix => pair.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        return string.Join('&', kept);
    }
}
