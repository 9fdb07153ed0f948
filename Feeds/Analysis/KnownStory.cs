using Radar.Feeds.Clustering;

namespace Radar.Feeds.Analysis;

/// <summary>A recent story the clusterer compares new reports with, and when its first report was published (null: unknown).</summary>
public sealed record KnownStory(long Id, StorySignature Signature, DateTime? Published = null)
{
    /// <summary>When Radar made the story: it leaves the clustering window after <see cref="StoryClusterer.Window"/>.</summary>
    public DateTime Created { get; init; }
}
