using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>A sentence with its tokens, the entities it names and its cue words.</summary>
internal sealed class AnalysedSentence(string text, bool isTitle, IReadOnlyList<Token> tokens)
{
    public string Text { get; } = text;

    public bool IsTitle { get; } = isTitle;

    public IReadOnlyList<Token> Tokens { get; } = tokens;

    public List<Mention> Mentions { get; } = [];

    public List<Cue> Cues { get; } = [];

    /// <summary>Token ranges split at "while", "but", "بينما", semicolons.</summary>
    public List<(int Start, int End)> Clauses { get; } = [];

    public bool IsCovered(int token) => Mentions.Exists(m => token >= m.Start && token < m.End);

    /// <summary>The text between token <paramref name="left"/> and token <paramref name="right"/>: spaces, punctuation.</summary>
    public ReadOnlySpan<char> Between(int left, int right) => Text.AsSpan(Tokens[left].End, Tokens[right].Start - Tokens[left].End);
}
