using Radar.Feeds.Clustering;

namespace Radar.Feeds.Analysis;

/// <summary>A recent story the clusterer compares new reports with.</summary>
public sealed record KnownStory(long Id, StorySignature Signature);
