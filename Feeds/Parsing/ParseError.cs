namespace Radar.Feeds.Parsing;

/// <summary>Why a document yielded no feed, in words an administrator can act on.</summary>
public sealed record ParseError(ParseErrorKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
