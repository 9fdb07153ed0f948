namespace Radar.Storage.Entities;

/// <summary>
/// A feed's WebSub subscription at its hub (one per feed): what was asked for last, the secret the
/// hub signs pushes with, and until when the hub said it pushes.
/// </summary>
public sealed class WebSubSubscriptionRecord
{
    public int Id { get; set; }

    public int FeedId { get; set; }

    public required string Hub { get; set; }

    public required string Topic { get; set; }

    /// <summary>The random last segment of the callback URL: one per subscription, so a guessed URL is worth nothing.</summary>
    public required string CallbackKey { get; set; }

    /// <summary>The <c>hub.secret</c>: the key of the HMAC that signs each push.</summary>
    public required string Secret { get; set; }

    /// <summary>"subscribe" or "unsubscribe": the request whose verification is awaited (or was last verified).</summary>
    public string Requested { get; set; } = WebSubModes.Subscribe;

    /// <summary>Until when pushes come (the verified lease); null while none is verified.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    /// <summary>When the subscriber acts next: (re)subscribe, renew, or retry.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Failures { get; set; }

    public string? LastError { get; set; }
}
