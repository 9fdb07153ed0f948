namespace Radar.Storage.Entities;

/// <summary>One piece of news, whatever the number of feeds and languages that carried it.</summary>
public sealed class StoryRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public string? Link { get; set; }

    public required string Summary { get; set; }

    public required string Language { get; set; }

    /// <summary>The feed that carried it first, by name.</summary>
    public required string Source { get; set; }

    public DateTime PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
