using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Bot.Chat;

/// <summary>One story as a platform renders it for one channel.</summary>
public sealed record Alert(
    long StoryId,
    string ChannelExternalId,
    string ChannelThreadId,
    string Title,
    string Summary,
    string? Link,
    string Source,
    DateTimeOffset Published,
    string? Matched)
{
    /// <summary>The structured headline in the channel's language ("Guillaume Lample: Meta → Mistral AI"), when the story has events.</summary>
    public string? Headline { get; init; }

    public IReadOnlyList<Topic> Topics { get; init; } = [];

    /// <summary>The language the channel reads: its labels and, for Arabic, its direction.</summary>
    public string Language { get; init; } = "en";

    /// <summary>How much of the story the channel wants (<c>/style</c>).</summary>
    public AlertStyle Style { get; init; }

    /// <summary>The Discord role to mention, which the subscription opted into; null mentions nobody.</summary>
    public string? PingRole { get; init; }

    /// <summary>Delivered without a notification sound.</summary>
    public bool Silent { get; init; }

    /// <summary>How sure the news is of the story now.</summary>
    public ClaimTier Tier { get; init; }

    /// <summary>Where the story stands, in the channel's language ("Reported, not confirmed"); null for a story stated as fact from the start.</summary>
    public string? TierNote { get; init; }

    /// <summary>The earlier story this one follows ("Follows: … (date)"), in the channel's language; null when none.</summary>
    public string? Follows { get; init; }

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Orgs { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Every outlet that reported the story so far, the first one first.</summary>
    public IReadOnlyList<AlertSource> Sources { get; init; } = [];

    /// <summary>Every link of the story known now.</summary>
    public IReadOnlyList<string> Links => [.. Sources.Select(s => s.Link).OfType<string>().Prepend(Link).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>"also reported by Reuters, Al Jazeera +2" in the channel's language, or null for a single source.</summary>
    public string? AlsoReportedBy(int shown = 2)
    {
        var others = Sources.Skip(1).Select(s => s.Feed).Distinct(StringComparer.Ordinal).ToList();
        return others.Count == 0 ? null : AlertWords.For(Language).AlsoReportedBy + " " + string.Join(", ", others.Take(shown)) + (others.Count > shown ? $" +{others.Count - shown}" : string.Empty);
    }

    /// <summary>The first line of the summary, at most <paramref name="length"/> characters: what a compact alert shows.</summary>
    public string SummaryLine(int length = 200)
    {
        var line = Summary.Split('\n', 2)[0].Trim();
        if (line.Length <= length)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', length - 2);
        return line[..(cut > length / 2 ? cut : length - 1)] + "…";
    }
}
