using Radar.Feeds.Extraction;

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

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Orgs { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Every outlet that reported the story so far, the first one first.</summary>
    public IReadOnlyList<AlertSource> Sources { get; init; } = [];

    /// <summary>Every link of the story known now.</summary>
    public IReadOnlyList<string> Links => [.. Sources.Select(s => s.Link).OfType<string>().Prepend(Link).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>"also reported by Reuters, Al Jazeera +2", or null for a single source.</summary>
    public string? AlsoReportedBy(int shown = 2)
    {
        var others = Sources.Skip(1).Select(s => s.Feed).Distinct(StringComparer.Ordinal).ToList();
        return others.Count == 0 ? null : "also reported by " + string.Join(", ", others.Take(shown)) + (others.Count > shown ? $" +{others.Count - shown}" : string.Empty);
    }
}
