using Radar.Feeds.Extraction;

namespace Radar.Storage.Entities;

/// <summary>One piece of news, whatever the number of feeds and languages that carried it.</summary>
public sealed class StoryRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public string? Link { get; set; }

    public required string Summary { get; set; }

    /// <summary>The summaries made when the story was analysed, as JSON (see <c>StorySummaries</c>); null for stories stored before.</summary>
    public string? Summaries { get; set; }

    public required string Language { get; set; }

    /// <summary>The feed that carried it first, by name.</summary>
    public required string Source { get; set; }

    public DateTime PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Comma-separated topics (<c>talent</c>, <c>launches</c>); empty when neither.</summary>
    public string Topics { get; set; } = string.Empty;

    /// <summary>The extraction (events, people, organisations, models, moves) as JSON.</summary>
    public string? Analysis { get; set; }

    /// <summary>SimHash of the first report's title, the cheap first test for near-duplicate titles.</summary>
    public long TitleHash { get; set; }

    /// <summary>The first report's title folded for comparison (the exact second test).</summary>
    public string TitleKey { get; set; } = string.Empty;

    /// <summary>Event keys, one per line, that let reports in other languages join this story.</summary>
    public string EventKeys { get; set; } = string.Empty;

    /// <summary>How sure the news is of the story now: reported, confirmed or denied; it moves as later reports join.</summary>
    public ClaimTier Tier { get; set; }

    /// <summary>The organisation whose own feed confirmed (or denied) the story, when one did.</summary>
    public string? TierBy { get; set; }

    /// <summary>When the tier last changed; null while it is the first report's.</summary>
    public DateTime? TierChangedAt { get; set; }

    /// <summary>The earlier story this one follows (a launch after a delay, a move after talks, a return after a departure).</summary>
    public long? FollowsStoryId { get; set; }

    /// <summary>The arXiv paper the story was first seen on (an inferred move), kept when the news reports it later.</summary>
    public string? PaperId { get; set; }

    /// <summary>When that paper was published.</summary>
    public DateTime? PaperAt { get; set; }
}
