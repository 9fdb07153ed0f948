namespace Radar.Storage.Entities;

/// <summary>One entry of one feed, stored once: (feed, item key) is unique.</summary>
public sealed class EntryRecord
{
    public long Id { get; set; }

    public int FeedId { get; set; }

    /// <summary>The entry's stable id: guid, else link, else a hash of title and date.</summary>
    public required string ItemKey { get; set; }

    public string? Link { get; set; }

    public required string Title { get; set; }

    /// <summary>The title folded for comparison (case, accents, punctuation ignored).</summary>
    public required string TitleKey { get; set; }

    public required string Summary { get; set; }

    public required string Language { get; set; }

    public DateTime PublishedAt { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public long? StoryId { get; set; }
}
