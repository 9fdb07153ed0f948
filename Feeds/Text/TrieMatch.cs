namespace Radar.Feeds.Text;

/// <summary>A phrase found in a token list: tokens [Start, End) and what the phrase stands for.</summary>
public sealed record TrieMatch<T>(int Start, int End, IReadOnlyList<T> Values);
