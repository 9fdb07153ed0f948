namespace Radar.Feeds.Parsing;

/// <summary>Thrown inside the parser to carry a classified error to its single catch.</summary>
internal sealed class FeedParseException(ParseErrorKind kind, string message) : Exception(message)
{
    public ParseErrorKind Kind { get; } = kind;
}
