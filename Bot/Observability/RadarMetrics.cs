using System.Diagnostics.Metrics;
using Radar.Feeds.Extraction;

namespace Radar.Bot.Observability;

/// <summary>
/// Radar's instruments (meter <see cref="MeterName"/>), exported by OpenTelemetry at <c>GET /metrics</c>
/// in Prometheus text, where the dots become underscores (<c>radar.feed.polls</c> →
/// <c>radar_feed_polls_total</c>). The names and their meaning are listed in the README.
/// </summary>
public sealed class RadarMetrics
{
    public const string MeterName = "Radar";

    /// <summary>Where the Prometheus exporter answers.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// The most tag combinations kept per instrument. The widest has 9 (3 platforms by 3 outcomes);
    /// OpenTelemetry's default of 2,000 costs a preallocated array of that many points per instrument.
    /// </summary>
    public const int CardinalityLimit = 64;

    private readonly Counter<long> _polls;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _newEntries;
    private readonly Counter<long> _stories;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _publishToAlert;
    private long _outboxDepth;

    public RadarMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _polls = meter.CreateCounter<long>("radar.feed.polls", description: "Feed polls by outcome (ok, not_modified, failed)");
        _fetchDuration = meter.CreateHistogram<double>("radar.feed.fetch.duration", "s", "Time to fetch one feed, body included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20] });
        _newEntries = meter.CreateCounter<long>("radar.feed.entries.new", description: "Entries seen for the first time");
        _stories = meter.CreateCounter<long>("radar.stories", description: "New stories by topic (talent, launches, none)");
        _queued = meter.CreateCounter<long>("radar.alerts.queued", description: "Alerts queued (one per story and channel)");
        _sends = meter.CreateCounter<long>("radar.sends", description: "Sends by platform and outcome (sent, transient, permanent)");
        _rateLimited = meter.CreateCounter<long>("radar.sends.rate_limited", description: "Sends a platform refused with 429, by platform");
        _publishToAlert = meter.CreateHistogram<double>("radar.alert.delay", "s", "From the entry's published time to the platform's acceptance of its alert",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21600] });
        meter.CreateObservableGauge("radar.outbox.depth", () => Volatile.Read(ref _outboxDepth), description: "Alerts waiting to be sent (pending or retrying)");
    }

    public void Polled(string outcome, TimeSpan fetchDuration)
    {
        _polls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _fetchDuration.Record(fetchDuration.TotalSeconds);
    }

    public void NewEntries(int count) => _newEntries.Add(count);

    public void StoryCreated(IReadOnlyCollection<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0)
        {
            _stories.Add(1, new KeyValuePair<string, object?>("topic", "none"));
        }

        foreach (var topic in topics)
        {
            _stories.Add(1, new KeyValuePair<string, object?>("topic", TopicText.Name(topic)));
        }
    }

    public void Queued(int alerts) => _queued.Add(alerts);

    public void Sent(string platform, string outcome, int rows, bool rateLimited)
    {
        _sends.Add(rows, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("outcome", outcome));
        if (rateLimited)
        {
            _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    public void Delivered(string platform, TimeSpan sincePublished) =>
        _publishToAlert.Record(Math.Max(0, sincePublished.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));

    public void OutboxDepth(long depth) => Volatile.Write(ref _outboxDepth, depth);
}
