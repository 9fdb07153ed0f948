namespace Radar.Feeds.Text;

/// <summary>
/// A trie over folded tokens: finds, at each position of a text, the longest phrase it holds, in one
/// pass whose cost depends on the text and the longest phrase, not on how many phrases there are.
/// Arabic proclitics (و ف ب ك ل, and ال) are tolerated on a phrase's first word: "لغوغل" finds "غوغل".
/// </summary>
public sealed class TokenTrie<T>
{
    private readonly Node _root = new();

    public int Count { get; private set; }

    public void Add(string phrase, T value)
    {
        var tokens = MatchText.Tokenize(phrase);
        if (tokens.Count == 0)
        {
            return;
        }

        var node = _root;
        foreach (var token in tokens)
        {
            node = node.Child(token.Folded) ?? node.AddChild(token.Folded);
        }

        if (node.AddValue(value))
        {
            Count++;
        }
    }

    /// <summary>Every longest, non-overlapping match, left to right.</summary>
    public List<TrieMatch<T>> FindAll(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = new List<TrieMatch<T>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var match = LongestAt(tokens, i);
            if (match is null)
            {
                i++;
                continue;
            }

            matches.Add(match);
            i = match.End;
        }

        return matches;
    }

    /// <summary>The longest phrase starting at token <paramref name="start"/>, or null.</summary>
    public TrieMatch<T>? LongestAt(IReadOnlyList<Token> tokens, int start)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var word = tokens[start].Folded;
        if (word.Length < 4 || !MatchText.IsArabic(word))
        {
            return Walk(tokens, start, word, null); // no proclitics to try: one lookup
        }

        TrieMatch<T>? best = null;
        foreach (var first in FirstWordForms(word))
        {
            best = Walk(tokens, start, first, best);
        }

        return best;
    }

    /// <summary>Every phrase starting at token <paramref name="start"/>, short and long ("Llama" and "Llama 4").</summary>
    public IEnumerable<T> AllAt(IReadOnlyList<Token> tokens, int start)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var first in FirstWordForms(tokens[start].Folded))
        {
            if (_root.Child(first) is not { } node)
            {
                continue;
            }

            var end = start + 1;
            while (true)
            {
                foreach (var value in node.Values ?? [])
                {
                    yield return value;
                }

                if (end >= tokens.Count || node.Child(tokens[end].Folded) is not { } next)
                {
                    break;
                }

                node = next;
                end++;
            }
        }
    }

    /// <summary>Follows the trie from <paramref name="first"/> as far as the tokens go; keeps the longer of the match found and <paramref name="best"/>.</summary>
    private TrieMatch<T>? Walk(IReadOnlyList<Token> tokens, int start, string first, TrieMatch<T>? best)
    {
        if (_root.Child(first) is not { } node)
        {
            return best;
        }

        var end = start + 1;
        while (true)
        {
            if (node.Values is not null && (best is null || end > best.End))
            {
                best = new TrieMatch<T>(start, end, node.Values);
            }

            if (end >= tokens.Count || node.Child(tokens[end].Folded) is not { } next)
            {
                return best;
            }

            node = next;
            end++;
        }
    }

    private static IEnumerable<string> FirstWordForms(string word)
    {
        yield return word;
        if (word.Length < 4 || !MatchText.IsArabic(word))
        {
            yield break;
        }

        // و/ف (and), then ب/ك/ل (with, like, to), then ال (the): وبال… ولل…
        var rest = word;
        if (rest[0] is 'و' or 'ف')
        {
            rest = rest[1..];
            yield return rest;
        }

        if (rest.Length >= 4 && rest[0] is 'ب' or 'ك' or 'ل')
        {
            var withoutPreposition = rest[1..];
            yield return withoutPreposition;
            if (rest.StartsWith("لل", StringComparison.Ordinal) && rest.Length >= 5)
            {
                yield return rest[2..];
            }

            rest = withoutPreposition;
        }

        if (rest.StartsWith("ال", StringComparison.Ordinal) && rest.Length >= 5)
        {
            yield return rest[2..];
        }
    }

    /// <summary>
    /// One word of a phrase. Most nodes of a knowledge base's trie have one or two children and one
    /// value, so children sit in a small array searched in order, and become a dictionary only past
    /// <see cref="ArrayChildren"/>; values are an array of exactly their number.
    /// </summary>
    private sealed class Node
    {
        private const int ArrayChildren = 8;

        private (string Word, Node Child)[]? _children;
        private Dictionary<string, Node>? _map;

        public T[]? Values { get; private set; }

        public Node? Child(string word)
        {
            if (_map is not null)
            {
                return _map.GetValueOrDefault(word);
            }

            foreach (var (candidate, child) in _children ?? [])
            {
                if (string.Equals(candidate, word, StringComparison.Ordinal))
                {
                    return child;
                }
            }

            return null;
        }

        public Node AddChild(string word)
        {
            var child = new Node();
            if (_map is not null)
            {
                _map.Add(word, child);
            }
            else if (_children is null || _children.Length < ArrayChildren)
            {
                _children = [.. _children ?? [], (word, child)];
            }
            else
            {
                _map = new Dictionary<string, Node>(_children.Length * 2, StringComparer.Ordinal) { [word] = child };
                foreach (var (sibling, node) in _children)
                {
                    _map.Add(sibling, node);
                }

                _children = null;
            }

            return child;
        }

        public bool AddValue(T value)
        {
            if (Values is not null && Values.Contains(value))
            {
                return false;
            }

            Values = [.. Values ?? [], value];
            return true;
        }
    }
}
