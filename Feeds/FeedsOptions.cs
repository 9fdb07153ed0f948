using System.ComponentModel.DataAnnotations;
using Radar.Feeds.Model;

namespace Radar.Feeds;

/// <summary>The <c>Radar:Feeds</c> section: what to poll and how politely.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Radar:Feeds";

    /// <summary>The feeds to poll; replaced by the OPML file's feeds when <see cref="Opml"/> is set.</summary>
    public IList<FeedSource> Sources { get; } = [];

    /// <summary>Path to an OPML file (relative to the working directory) whose feeds replace <see cref="Sources"/>.</summary>
    public string? Opml { get; set; }

    /// <summary>The longest a healthy feed waits between polls: quiet feeds are polled this often.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>
    /// The shortest: a feed that publishes often is polled down to this interval. Set it equal to
    /// <see cref="PollInterval"/> for one fixed interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>While a WebSub hub pushes a feed's news, the feed is still polled this often, in case a push is lost.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "must be between 00:00:10 and 7.00:00:00.")]
    public TimeSpan PushedPollInterval { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1_024, 1_073_741_824, ErrorMessage = "must be between 1024 and 1073741824.")]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most entries taken from one fetch, the newest by date; the rest of a huge feed is skipped (and logged).</summary>
    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100000.")]
    public int MaxItemsPerFetch { get; set; } = 200;

    [Range(1, 256, ErrorMessage = "must be between 1 and 256.")]
    public int MaxConcurrency { get; set; } = 8;

    [Range(1, 64, ErrorMessage = "must be between 1 and 64.")]
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>After failing this long (since its last success), a feed is reported to the owners (<c>Radar:Owners</c>), once; and once more when it recovers.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "must be between 00:00:00 and 30.00:00:00.")]
    public TimeSpan NotifyAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Lets feeds live on loopback and private networks (tests, intranets). Off by default: a feed URL must not reach inside.</summary>
    public bool AllowPrivateAddresses { get; set; }
}
