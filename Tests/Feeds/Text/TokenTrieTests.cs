using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Text;

public sealed class TokenTrieTests
{
    [Fact]
    public void EveryPhraseIsFoundWhetherItsWordHasFewSiblingsOrMany()
    {
        // "Gemini" gets 30 continuations: its children outgrow the small arrays and become a map on the way.
        var trie = new TokenTrie<int>();
        for (var i = 0; i < 30; i++)
        {
            trie.Add($"Gemini v{i}", i);
        }

        trie.Add("Gemini", 100);
        trie.Add("Claude", 200);

        for (var i = 0; i < 30; i++)
        {
            var match = trie.LongestAt(MatchText.Tokenize($"Google ships Gemini v{i} today"), 2);
            Assert.NotNull(match);
            Assert.Equal((2, 4), (match.Start, match.End));
            Assert.Equal([i], match.Values);
        }

        Assert.Equal([100], trie.LongestAt(MatchText.Tokenize("Gemini v99 leaks"), 0)!.Values);
        Assert.Equal([200, 100], trie.FindAll(MatchText.Tokenize("Claude beats Gemini")).SelectMany(m => m.Values));
        Assert.Equal(32, trie.Count);
    }

    [Fact]
    public void APhraseAddedTwiceWithTheSameValueCountsOnceAndKeepsEachOtherValue()
    {
        var trie = new TokenTrie<string>();
        trie.Add("Yann LeCun", "person");
        trie.Add("yann lecun", "person");
        trie.Add("Yann LeCun", "author");

        Assert.Equal(2, trie.Count);
        Assert.Equal(["person", "author"], trie.AllAt(MatchText.Tokenize("Yann LeCun leaves"), 0));
    }
}
