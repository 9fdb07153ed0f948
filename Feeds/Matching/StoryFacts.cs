using Radar.Feeds.Extraction;
using Radar.Feeds.Text;

namespace Radar.Feeds.Matching;

/// <summary>What subscriptions are matched against: a story's topics, entity ids, words, language and, for patterns, its text.</summary>
public sealed record StoryFacts(IReadOnlySet<Topic> Topics, IReadOnlySet<string> EntityIds, IReadOnlyList<Token> Tokens, string Language, string Text = "")
{
    /// <summary>The title and summary folded for patterns, made on first use: most stories meet no pattern.</summary>
    public string FoldedText => field ??= TextPattern.FoldText(Text);
}
