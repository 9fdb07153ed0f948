namespace Radar.Feeds.Knowledge;

/// <summary>An entity found in a token list, tokens [Start, End).</summary>
public sealed record Mention(KnownEntity Entity, int Start, int End);
