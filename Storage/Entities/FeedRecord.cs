namespace Radar.Storage.Entities;

/// <summary>A polled feed and its fetch state (conditional-GET validators, backoff, health).</summary>
public sealed class FeedRecord
{
    public int Id { get; set; }

    public required string Url { get; set; }

    public required string Name { get; set; }

    public string? Language { get; set; }

    /// <summary>The organisation this feed speaks for (a lab's own blog): what it says is confirmed.</summary>
    public string? Official { get; set; }

    /// <summary>False once the feed leaves the configuration (or an owner removes it); its entries stay.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Who added the feed in chat (<c>/feeds add</c>); null for feeds from the configuration.</summary>
    public string? AddedBy { get; set; }

    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextPollAt { get; set; }

    public DateTime? LastPolledAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Set after the first successful parse: later entries alert, the first batch mostly does not.</summary>
    public bool Primed { get; set; }

    /// <summary>The interval its publishing rhythm asked for at the last successful poll; null before one.</summary>
    public TimeSpan? PollInterval { get; set; }

    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the owners were told the feed is broken; null when it works or nobody was told yet.</summary>
    public DateTime? BrokenNoticeAt { get; set; }

    /// <summary>The instance that claimed the row for its work; null when nobody has.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after it, another instance may take the row over.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
