using System.IO.Hashing;
using System.Text;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Clustering;

/// <summary>
/// Decides whether a report is a story already seen (within 72 hours): the same canonical link, a
/// near-duplicate title (SimHash over its words at most <see cref="MaxTitleDistance"/> bits apart,
/// then confirmed: at least six words, Jaccard similarity ≥ <see cref="MinTitleSimilarity"/>, the same
/// numbers — so "calendar, Aug. 16-23" and "calendar, Aug. 23-30" stay apart), or the same event (type-free: the same person with an overlapping organisation, or the
/// same model) — which is how an English, an Arabic and a French report of one move meet.
/// </summary>
public sealed class StoryClusterer(KnowledgeBase knowledge)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    public const int MaxTitleDistance = 12;

    public const double MinTitleSimilarity = 0.8;

    public const int MinTitleWords = 6;

    public StorySignature Sign(string? link, string title, Extraction.Extraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var move in extraction.Moves)
        {
            var person = Key(move.Person);
            foreach (var org in new[] { move.From, move.To }.OfType<string>())
            {
                keys.Add($"move:{person}:{Key(org)}");
            }
        }

        foreach (var e in extraction.Events.Where(e => e.Person is not null && e.From is null && e.To is null))
        {
            keys.Add($"person:{Key(e.Person!)}:{e.Type}");
        }

        foreach (var e in extraction.Events.Where(e => e.Model is not null))
        {
            keys.Add($"model:{Key(e.Model!)}:{e.Type}");
        }

        // A denial joins the story it denies: "X denies he is leaving Meta for OpenAI" meets "X joins OpenAI".
        foreach (var e in extraction.Denied ?? [])
        {
            foreach (var org in new[] { e.From, e.To }.OfType<string>().Where(_ => e.Person is not null))
            {
                keys.Add($"move:{Key(e.Person!)}:{Key(org)}");
            }

            if (e.Model is not null)
            {
                keys.Add($"model:{Key(e.Model)}:{e.Type}");
            }
        }

        return new StorySignature(link, SimHash(title), TitleKey.Normalize(title), keys);
    }

    /// <summary>
    /// The beginnings of the event keys of earlier stories this one may follow (see
    /// <c>StoryThreads</c>): every story of the same person ("move:" and "person:" keys) and of the
    /// same model.
    /// </summary>
    public IReadOnlyList<string> ThreadKeys(Extraction.Extraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        // Both spellings of a key: the knowledge base may have learnt the name since the earlier story was keyed by it.
        var people = extraction.Events.Select(e => e.Person).OfType<string>().SelectMany(n => new[] { Key(n), MatchText.Normalize(n) }).Distinct(StringComparer.Ordinal);
        var models = extraction.Events.Select(e => e.Model).OfType<string>().SelectMany(n => new[] { Key(n), MatchText.Normalize(n) }).Distinct(StringComparer.Ordinal);
        return [.. people.SelectMany(p => new[] { $"move:{p}:", $"person:{p}:" }), .. models.Select(m => $"model:{m}:")];
    }

    public static bool SameStory(StorySignature a, StorySignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Link is not null && a.Link == b.Link)
        {
            return true;
        }

        if (a.TitleHash != 0 && System.Numerics.BitOperations.PopCount(a.TitleHash ^ b.TitleHash) <= MaxTitleDistance && SimilarTitles(a, b))
        {
            return true;
        }

        return a.EventKeys.Any(b.EventKeys.Contains);
    }

    private static bool SimilarTitles(StorySignature a, StorySignature b)
    {
        var (x, y) = (a.TitleWords, b.TitleWords);
        if (x.Count < MinTitleWords || y.Count < MinTitleWords || !a.TitleNumbers.SetEquals(b.TitleNumbers))
        {
            return false;
        }

        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared) >= MinTitleSimilarity;
    }

    /// <summary>A 64-bit SimHash of the title's folded words; 0 for an empty title.</summary>
    public static ulong SimHash(string title)
    {
        var words = MatchText.Tokenize(title).Select(t => t.Folded).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        foreach (var shingle in words.Distinct(StringComparer.Ordinal))
        {
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result == 0 ? 1 : result;
    }

    private string Key(string name) => knowledge.Find(name)?.Id ?? MatchText.Normalize(name);
}
