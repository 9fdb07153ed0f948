using System.Text.RegularExpressions;
using Radar.Feeds.Model;

namespace Radar.Feeds.Papers;

/// <summary>
/// Reads an arXiv listing feed (RSS or Atom, parsed as any feed): each item's arXiv id (from its
/// link or guid), title and authors (<c>dc:creator</c>, "A, B and C"). Replacements of older papers
/// ("Announce Type: replace") are passed over: they are not new evidence of where anyone works.
/// </summary>
public static partial class ArxivListing
{
    public static List<ArxivItem> Read(IEnumerable<FeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = new List<ArxivItem>();
        foreach (var entry in entries)
        {
            if (Id(entry) is not { } id || Replacement().IsMatch(entry.Summary))
            {
                continue;
            }

            items.Add(new ArxivItem(id, entry.Title, Authors(entry.Author), entry.Published ?? DateTimeOffset.MinValue));
        }

        return [.. items.DistinctBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>The arXiv id of an entry without its version: "2612.01234" (or "cs/0112017" for the old scheme), or null when the entry is not an arXiv paper.</summary>
    public static string? Id(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var text in new[] { entry.Link, entry.Id })
        {
            if (text is not null && ArxivId().Match(text) is { Success: true } match)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    /// <summary>"Ada Lovelace, Alan Turing and Grace Hopper" as three names.</summary>
    public static List<string> Authors(string? creators) =>
        creators is null ? [] : [.. AuthorSeparator().Split(creators).Select(a => a.Trim()).Where(a => a.Length > 0 && a.Length <= 200)];

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf)/|oai:arXiv\.org:|^arXiv:)(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivId();

    [GeneratedRegex(@"Announce Type:\s*replace", RegexOptions.IgnoreCase)]
    private static partial Regex Replacement();

    [GeneratedRegex(@"\s*(?:,|;|\band\b)\s*")]
    private static partial Regex AuthorSeparator();
}
