using System.Runtime.InteropServices;
using Radar.Feeds.Extraction;
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
    private readonly Dictionary<Topic, List<SubscriptionFilter>> _byTopic = [];
    private readonly List<SubscriptionFilter> _anyTopic = [];
    private readonly TokenTrie<SubscriptionFilter> _byKeyword = new();

    /// <summary>Most channels a kept per-thread table holds between stories.</summary>
    private const int MaxKeptTable = 100_000;

    [ThreadStatic]
    private static Dictionary<long, SubscriptionFilter?>? _best;

    public SubscriptionIndex(IEnumerable<SubscriptionFilter> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var subscription in subscriptions)
        {
            Count++;
            if (subscription.EntityIds.Length > 0)
            {
                Add(_byEntity, subscription.EntityIds[0], subscription);
            }
            else if (subscription.Keyword is not null)
            {
                _byKeyword.Add(subscription.Keyword, subscription);
            }
            else
            {
                if (subscription.Topic is { } topic)
                {
                    Add(_byTopic, topic, subscription);
                }
                else
                {
                    _anyTopic.Add(subscription);
                }
            }
        }
    }

    public int Count { get; }

    /// <summary>A story not confirmed skips <c>confirmed:only</c> subscriptions; one inferred from a paper goes only where papers are wanted.</summary>
    private static bool Admits(SubscriptionFilter subscription, ClaimTier tier) => tier switch
    {
        ClaimTier.Confirmed => true,
        ClaimTier.Inferred => !subscription.ConfirmedOnly && subscription.WantsPapers,
        _ => !subscription.ConfirmedOnly,
    };

    /// <summary>The matching subscription of each channel that should get the story, at most one per channel; a story not confirmed yet skips <c>confirmed:only</c> subscriptions, and one inferred from a paper the subscriptions that do not want papers.</summary>
    public List<SubscriptionFilter> Match(StoryFacts story, ClaimTier tier = ClaimTier.Confirmed)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Topics.Count == 0)
        {
            return []; // Radar alerts on talent and launches, nothing else
        }

        // Per channel, the matching subscription with the smallest id (the oldest) is the "why". The
        // table is the thread's own and kept between stories, so that it does not grow anew each time.
        var best = _best ??= [];
        best.Clear();
        var patterns = new PatternResults(story); // subscriptions share patterns: each runs once per story
        void Consider(SubscriptionFilter subscription) => ConsiderFound(subscription, keywordFound: false);
        void ConsiderFound(SubscriptionFilter subscription, bool keywordFound)
        {
            ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(best, subscription.ChannelId, out _);
            if ((current is null || subscription.Id < current.Id) && Admits(subscription, tier) && Matches(subscription, story, patterns, keywordFound))
            {
                current = subscription;
            }
        }

        _anyTopic.ForEach(Consider);
        foreach (var topic in story.Topics)
        {
            if (_byTopic.TryGetValue(topic, out var list))
            {
                list.ForEach(Consider);
            }
        }

        foreach (var id in story.EntityIds)
        {
            if (_byEntity.TryGetValue(id, out var list))
            {
                list.ForEach(Consider);
            }
        }

        for (var i = 0; i < story.Tokens.Count; i++)
        {
            // Every keyword phrase starting here, not only the longest: "Llama" and "Llama 4" both count.
            foreach (var subscription in _byKeyword.AllAt(story.Tokens, i))
            {
                ConsiderFound(subscription, keywordFound: true); // the trie found its keyword here: no need to look again
            }
        }

        var matched = new List<SubscriptionFilter>(best.Count);
        foreach (var subscription in best.Values)
        {
            if (subscription is not null)
            {
                matched.Add(subscription); // null: the channel was considered and nothing matched
            }
        }

        matched.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        if (best.Count > MaxKeptTable)
        {
            _best = null; // one huge story does not keep a huge table
        }

        return matched;
    }

    /// <summary>Whether every filter of the subscription holds for the story.</summary>
    public static bool Matches(SubscriptionFilter subscription, StoryFacts story)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(story);
        return Matches(subscription, story, new PatternResults(story), keywordFound: false);
    }

    private static bool Matches(SubscriptionFilter subscription, StoryFacts story, PatternResults patterns, bool keywordFound)
    {
        if (!(subscription.Topic is { } topic ? story.Topics.Contains(topic) : story.Topics.Count > 0))
        {
            return false;
        }

        foreach (var id in subscription.EntityIds)
        {
            if (!story.EntityIds.Contains(id))
            {
                return false;
            }
        }

        // The cheap filters first; patterns, the dearest, last.
        return (subscription.SourceLanguage is null || subscription.SourceLanguage == story.Language)
               && (subscription.Keyword is null || keywordFound || ContainsPhrase(story.Tokens, subscription.KeywordWords))
               && !ContainsAny(story.Tokens, subscription.ExcludeWords)
               && (subscription.Pattern is null || patterns.IsMatch(subscription.Pattern))
               && (subscription.ExcludePattern is null || !patterns.IsMatch(subscription.ExcludePattern));
    }

    /// <summary>Each pattern's answer for one story, computed on first ask.</summary>
    private sealed class PatternResults(StoryFacts story)
    {
        private Dictionary<TextPattern, bool>? _known;

        public bool IsMatch(TextPattern pattern)
        {
            _known ??= new Dictionary<TextPattern, bool>(ReferenceEqualityComparer.Instance);
            if (!_known.TryGetValue(pattern, out var matched))
            {
                matched = pattern.IsMatch(story.FoldedText);
                _known[pattern] = matched;
            }

            return matched;
        }
    }

    private static bool ContainsAny(IReadOnlyList<Token> tokens, IReadOnlyList<string[]> phrases)
    {
        for (var i = 0; i < phrases.Count; i++)
        {
            if (ContainsPhrase(tokens, phrases[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(IReadOnlyList<Token> tokens, string[] words)
    {
        for (var i = 0; i + words.Length <= tokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < words.Length && all; j++)
            {
                all = tokens[i + j].Folded == words[j];
            }

            if (all && words.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add<TKey>(Dictionary<TKey, List<SubscriptionFilter>> index, TKey key, SubscriptionFilter subscription)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(subscription);
    }
}
