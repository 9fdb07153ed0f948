namespace Radar.Feeds.Parsing;

/// <summary>The small set of reasons a document is not a usable feed.</summary>
public enum ParseErrorKind
{
    /// <summary>Nothing but whitespace, or no bytes at all.</summary>
    Empty,

    /// <summary>Well-formed or repairable markup, but not RSS, RDF, Atom or JSON Feed (an HTML page, say).</summary>
    NotAFeed,

    /// <summary>Broken beyond what the lenient reader recovers.</summary>
    Malformed,

    /// <summary>Refused on purpose: nested entity definitions (billion laughs) or a compression bomb.</summary>
    Unsafe,
}
