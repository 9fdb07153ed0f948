namespace Radar.Feeds.Clustering;

/// <summary>What makes two reports the same story: a link, a title fingerprint, event keys.</summary>
public sealed record StorySignature(string? Link, ulong TitleHash, string TitleKey, IReadOnlyCollection<string> EventKeys)
{
    /// <summary>The title's words, made once: a story of the clustering window meets every report of the window.</summary>
    internal HashSet<string> TitleWords => field ??= TitleKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The title's words with digits ("4", "gpt-5"), made once.</summary>
    internal HashSet<string> TitleNumbers => field ??= TitleWords.Where(w => w.Any(char.IsDigit)).ToHashSet(StringComparer.Ordinal);
}
