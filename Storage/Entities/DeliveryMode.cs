namespace Radar.Storage.Entities;

/// <summary>How a subscription's alerts arrive; stored as "instant" or "digest".</summary>
public enum DeliveryMode
{
    /// <summary>Each alert as soon as it is ready.</summary>
    Instant,

    /// <summary>One message a day at the subscription's digest time.</summary>
    Digest,
}
