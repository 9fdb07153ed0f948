using Radar.Feeds.Model;

namespace Radar.Feeds.Parsing;

/// <summary>The outcome of parsing one document: entries, or a classified error.</summary>
public sealed record ParsedFeed(string? Title, string? Language, IReadOnlyList<FeedEntry> Entries, ParseError? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The WebSub hub the document names, if any.</summary>
    public Fetching.WebSubLinks? Hub { get; init; }

    public static ParsedFeed Failed(ParseErrorKind kind, string message) =>
        new(null, null, [], new ParseError(kind, message));
}
