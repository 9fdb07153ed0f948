using System.Text.RegularExpressions;

namespace Radar.Feeds.Fetching;

/// <summary>
/// A feed's WebSub discovery (W3C WebSub §4): the hub to subscribe at and the topic (the feed's
/// <c>rel="self"</c> URL, else the URL it was fetched from), from the feed's links or an HTTP
/// <c>Link</c> header.
/// </summary>
public sealed partial record WebSubLinks(Uri Hub, Uri Topic)
{
    /// <summary>The links of a feed document; null unless a hub is named and both URLs are absolute http(s).</summary>
    public static WebSubLinks? From(string? hub, string? self, Uri? fetchedFrom)
    {
        if (!TryHttp(hub, null, out var hubUri))
        {
            return null;
        }

        return TryHttp(self, fetchedFrom, out var topic) ? new WebSubLinks(hubUri, topic)
            : fetchedFrom is not null ? new WebSubLinks(hubUri, fetchedFrom) : null;
    }

    /// <summary>Reads <c>&lt;url&gt;; rel="hub"</c> and <c>rel="self"</c> from an RFC 8288 Link header.</summary>
    public static WebSubLinks? FromLinkHeader(string header, Uri? fetchedFrom)
    {
        ArgumentNullException.ThrowIfNull(header);
        string? hub = null, self = null;
        foreach (Match link in LinkValue().Matches(header))
        {
            var rels = link.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (hub is null && rels.Contains("hub", StringComparer.OrdinalIgnoreCase))
            {
                hub = link.Groups["url"].Value;
            }

            if (self is null && rels.Contains("self", StringComparer.OrdinalIgnoreCase))
            {
                self = link.Groups["url"].Value;
            }
        }

        return From(hub, self, fetchedFrom);
    }

    private static bool TryHttp(string? text, Uri? relativeTo, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parsed = relativeTo is null ? Uri.TryCreate(text.Trim(), UriKind.Absolute, out var absolute) ? absolute : null
            : Uri.TryCreate(relativeTo, text.Trim(), out var resolved) ? resolved : null;
        if (parsed is null || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    [GeneratedRegex("""<(?<url>[^>]*)>[^,<]*?;\s*rel\s*=\s*"?(?<rel>[^";,]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkValue();
}
