using Radar.Feeds.Extraction;
using Radar.Feeds.Text;

namespace Radar.Feeds.Matching;

/// <summary>What subscriptions are matched against: a story's topics, entity ids, words and language.</summary>
public sealed record StoryFacts(IReadOnlySet<Topic> Topics, IReadOnlySet<string> EntityIds, IReadOnlyList<Token> Tokens, string Language);
