namespace Radar.Feeds.Model;

/// <summary>One normalised entry of a feed: plain text, canonical link, stable id.</summary>
public sealed record FeedEntry(
    string Id,
    string? Link,
    string Title,
    string Summary,
    DateTimeOffset? Published,
    string Language)
{
    /// <summary>Who wrote it, as the feed writes it (<c>dc:creator</c>, <c>author</c>): for arXiv listings, the paper's authors.</summary>
    public string? Author { get; init; }
}
