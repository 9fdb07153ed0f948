using Radar.Feeds.Clustering;

namespace Radar.Feeds.Analysis;

/// <summary>A recent story the clusterer compares new reports with, and when its first report was published (null: unknown).</summary>
public sealed record KnownStory(long Id, StorySignature Signature, DateTime? Published = null);
