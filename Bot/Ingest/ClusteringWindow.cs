using Radar.Feeds.Analysis;
using Radar.Storage.Stores;

namespace Radar.Bot.Ingest;

/// <summary>
/// The recent stories new reports are compared with (those made in the last
/// <see cref="Feeds.Clustering.StoryClusterer.Window"/>), kept between fetches and brought up to date
/// with only the stories made since (by any instance), instead of read whole for every fetch: with
/// 10,000 feeds that read was quadratic. It holds one signature per story of the window (its link,
/// title fingerprint and event keys), and nothing older. The poller uses it under its store gate,
/// one fetch at a time.
/// </summary>
public sealed class ClusteringWindow
{
    private readonly List<KnownStory> _stories = [];
    private long _lastId;

    /// <summary>The stories made since <paramref name="since"/>, as a list of the caller's own.</summary>
    public async Task<List<KnownStory>> CurrentAsync(StoryStore stories, DateTime since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var fresh = await stories.RecentAsync(since, cancellationToken, _lastId).ConfigureAwait(false);
        _stories.AddRange(fresh);
        _lastId = fresh.Count > 0 ? Math.Max(_lastId, fresh.Max(s => s.Id)) : _lastId;
        _stories.RemoveAll(s => s.Created < since);
        return [.. _stories];
    }
}
