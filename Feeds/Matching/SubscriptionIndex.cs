using Radar.Feeds.Text;

namespace Radar.Feeds.Matching;

/// <summary>
/// Subscriptions compiled for matching: filtered ones are found through the entities they name or a
/// multi-pattern matcher over their keywords, unfiltered ones through their topic, so a story only
/// ever looks at the subscriptions that could match it — never a scan of all of them. A channel
/// gets a story once, with the first subscription that matched.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly Dictionary<string, List<SubscriptionFilter>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SubscriptionFilter>> _byTopic = new(StringComparer.Ordinal);
    private readonly TokenTrie<SubscriptionFilter> _byKeyword = new();

    public SubscriptionIndex(IEnumerable<SubscriptionFilter> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var subscription in subscriptions)
        {
            Count++;
            var entity = subscription.EntityIds.FirstOrDefault();
            if (entity is not null)
            {
                Add(_byEntity, entity, subscription);
            }
            else if (subscription.Keyword is not null)
            {
                _byKeyword.Add(subscription.Keyword, subscription);
            }
            else
            {
                Add(_byTopic, subscription.Topic, subscription);
            }
        }
    }

    public int Count { get; }

    /// <summary>The matching subscription of each channel that should get the story, at most one per channel.</summary>
    public List<SubscriptionFilter> Match(StoryFacts story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Topics.Count == 0)
        {
            return []; // Radar alerts on talent and launches, nothing else
        }

        var candidates = new List<SubscriptionFilter>();
        foreach (var topic in story.Topics.Append("all"))
        {
            if (_byTopic.TryGetValue(topic, out var list))
            {
                candidates.AddRange(list);
            }
        }

        foreach (var id in story.EntityIds)
        {
            if (_byEntity.TryGetValue(id, out var list))
            {
                candidates.AddRange(list);
            }
        }

        for (var i = 0; i < story.Tokens.Count; i++)
        {
            // Every keyword phrase starting here, not only the longest: "Llama" and "Llama 4" both count.
            candidates.AddRange(_byKeyword.AllAt(story.Tokens, i));
        }

        var channels = new HashSet<long>();
        var matched = new List<SubscriptionFilter>();
        foreach (var subscription in candidates.OrderBy(s => s.Id))
        {
            if (!channels.Contains(subscription.ChannelId) && Matches(subscription, story))
            {
                channels.Add(subscription.ChannelId);
                matched.Add(subscription);
            }
        }

        return matched;
    }

    /// <summary>Whether every filter of the subscription holds for the story.</summary>
    public static bool Matches(SubscriptionFilter subscription, StoryFacts story)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(story);
        return (subscription.Topic == "all" ? story.Topics.Count > 0 : story.Topics.Contains(subscription.Topic))
               && subscription.EntityIds.All(story.EntityIds.Contains)
               && (subscription.SourceLanguage is null || subscription.SourceLanguage == story.Language)
               && (subscription.Keyword is null || ContainsPhrase(story.Tokens, subscription.Keyword));
    }

    private static bool ContainsPhrase(IReadOnlyList<Token> tokens, string phrase)
    {
        var words = MatchText.Tokenize(phrase);
        for (var i = 0; i + words.Count <= tokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < words.Count && all; j++)
            {
                all = tokens[i + j].Folded == words[j].Folded;
            }

            if (all && words.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, List<SubscriptionFilter>> index, string key, SubscriptionFilter subscription)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(subscription);
    }
}
