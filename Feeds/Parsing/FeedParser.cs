using System.Security.Cryptography;
using System.Text;
using CodeHollow.FeedReader;
using Radar.Feeds.Model;
using Radar.Feeds.Text;

namespace Radar.Feeds.Parsing;

/// <summary>
/// Bytes in, normalised entries or a classified error out; never throws for bad input.
/// Leniency (encoding, entities, broken markup) comes first, then CodeHollow.FeedReader maps
/// RSS 0.9x/1.0/2.0, Atom and JSON Feed.
/// </summary>
public static class FeedParser
{
    /// <summary>Titles and summaries are cut to these lengths; alerts never need more.</summary>
    public const int MaxTitleLength = 500;

    public const int MaxSummaryLength = 2_000;

    private const long MaxUnpackedBytes = 50L * 1024 * 1024;

    /// <param name="bytes">The document as fetched.</param>
    /// <param name="firstSeen">When the entries were first seen: the published time of undated entries.</param>
    /// <param name="languageHint">The configured language of the source, if any.</param>
    /// <param name="httpCharset">The charset of the HTTP Content-Type header, if any.</param>
    /// <param name="baseUri">The feed's own URL, to resolve relative links.</param>
    public static ParsedFeed Parse(byte[] bytes, DateTimeOffset firstSeen, string? languageHint = null, string? httpCharset = null, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var document = ReadDocument(bytes, httpCharset);
            var feedLanguage = LanguageDetector.FromHint(languageHint) ?? LanguageDetector.FromHint(document.Language);
            var entries = new List<FeedEntry>(document.Items.Count);
            foreach (var item in document.Items)
            {
                entries.Add(Normalize(item, firstSeen, feedLanguage, baseUri));
            }

            return new ParsedFeed(HtmlText.ToPlainText(document.Title, MaxTitleLength), feedLanguage, entries, null) { Hub = HubOf(document, baseUri) };
        }
        catch (FeedParseException e)
        {
            return ParsedFeed.Failed(e.Kind, e.Message);
        }
        catch (CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException e)
        {
            return ParsedFeed.Failed(ParseErrorKind.NotAFeed, FirstLine(e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The boundary with untrusted bytes and a third-party mapper: whatever it throws
            // (XmlException, NullReferenceException, FormatException…) becomes a classified error.
            return ParsedFeed.Failed(ParseErrorKind.Malformed, $"{e.GetType().Name}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>
    /// The WebSub hub the document names: an Atom <c>&lt;link rel="hub"&gt;</c> on the feed, or an
    /// <c>&lt;atom:link rel="hub"&gt;</c> in an RSS channel, with its <c>rel="self"</c> as the topic.
    /// </summary>
    private static Fetching.WebSubLinks? HubOf(Feed document, Uri? baseUri)
    {
        if (document.SpecificFeed?.Element is not { } root)
        {
            return null;
        }

        var links = root.Elements().Concat(root.Elements().Where(e => e.Name.LocalName == "channel").SelectMany(c => c.Elements()))
            .Where(e => e.Name.LocalName == "link" && e.Attribute("href") is not null)
            .Select(e => (Rel: (string?)e.Attribute("rel"), Href: (string)e.Attribute("href")!))
            .ToList();
        var hub = links.FirstOrDefault(l => string.Equals(l.Rel, "hub", StringComparison.OrdinalIgnoreCase)).Href;
        var self = links.FirstOrDefault(l => string.Equals(l.Rel, "self", StringComparison.OrdinalIgnoreCase)).Href;
        return Fetching.WebSubLinks.From(hub, self, baseUri);
    }

    /// <summary>CodeHollow.FeedReader's own parse of the same bytes, without our leniency: the benchmark's baseline.</summary>
    public static int ParseRaw(byte[] bytes) => FeedReader.ReadFromByteArray(bytes).Items.Count;

    private static Feed ReadDocument(byte[] bytes, string? httpCharset)
    {
        bytes = FeedDecoder.Gunzip(bytes, MaxUnpackedBytes);
        var text = FeedDecoder.Decode(bytes, httpCharset);
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start == text.Length)
        {
            throw new FeedParseException(ParseErrorKind.Empty, "the document is empty");
        }

        if (text[start] is '{' or '[')
        {
            return FeedReader.ReadFromString(text[start..]);
        }

        // Most feeds are well-formed: parse them as they are. A DOCTYPE never reaches the XML parser,
        // and a document that fails (or maps to nothing) takes the lenient rewrite.
        if (!text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return FeedReader.ReadFromString(WithoutDeclaration(text, start));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // fall through to the repair
            }
        }

        var xml = LenientXml.Rewrite(text);
        if (xml.Length == 0)
        {
            throw new FeedParseException(ParseErrorKind.NotAFeed, "no markup found");
        }

        try
        {
            return FeedReader.ReadFromString(xml);
        }
        catch (Exception e) when (e.Message.Contains("unknown feed format", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException(ParseErrorKind.NotAFeed, "not RSS, RDF, Atom or JSON Feed");
        }
    }

    /// <summary>
    /// The text without its XML declaration: the bytes are decoded already, and CodeHollow.FeedReader
    /// would otherwise re-encode every value through the declared encoding.
    /// </summary>
    private static string WithoutDeclaration(string text, int start)
    {
        if (string.CompareOrdinal(text, start, "<?xml", 0, 5) != 0)
        {
            return start == 0 ? text : text[start..];
        }

        var end = text.IndexOf("?>", start, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 2)..];
    }

    private static FeedEntry Normalize(FeedItem item, DateTimeOffset firstSeen, string? feedLanguage, Uri? baseUri)
    {
        var dublinCore = item.SpecificItem switch
        {
            CodeHollow.FeedReader.Feeds.Rss20FeedItem rss => rss.DC,
            CodeHollow.FeedReader.Feeds.Rss10FeedItem rdf => rdf.DC,
            _ => null,
        };
        var title = HtmlText.ToPlainText(FirstText(item.Title, dublinCore?.Title), MaxTitleLength);
        var summary = HtmlText.ToPlainText(FirstText(item.Description, item.Content, dublinCore?.Description), MaxSummaryLength);
        var link = LinkCanonicalizer.Canonicalize(item.Link, baseUri);
        if (title.Length == 0 && summary.Length > 0)
        {
            title = summary.Length > 120 ? summary[..120] + "…" : summary;
        }

        var date = item.PublishingDate ?? dublinCore?.Date;
        DateTimeOffset? published = date is { } value
            ? new DateTimeOffset(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind)).ToUniversalTime()
            : null;
        var id = FirstText(item.Id, link) ?? HashId(title + "\n" + summary, item.PublishingDateString);
        var language = feedLanguage ?? LanguageDetector.Detect(summary.Length > 300 ? title + " " + summary[..300] : title + " " + summary);
        var author = HtmlText.ToPlainText(FirstText(dublinCore?.Creator, item.Author), MaxSummaryLength);
        return new FeedEntry(Truncate(id.Trim(), 1_000), link, title, summary, published ?? firstSeen, language) { Author = author.Length == 0 ? null : author };
    }

    private static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate));

    private static string HashId(string title, string? date)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + date));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
