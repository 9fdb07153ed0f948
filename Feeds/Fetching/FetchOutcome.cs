namespace Radar.Feeds.Fetching;

/// <summary>The three ways a conditional GET ends.</summary>
public enum FetchOutcome
{
    Content,
    NotModified,
    Failed,
}
