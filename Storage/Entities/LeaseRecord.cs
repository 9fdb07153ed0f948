namespace Radar.Storage.Entities;

/// <summary>
/// A named lease: the one instance that may do a job only one instance may do (long-poll Telegram,
/// hold a Discord gateway shard, dispatch a platform's alerts), until <see cref="Until"/> unless renewed.
/// </summary>
public sealed class LeaseRecord
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTime Until { get; set; }

    /// <summary>When the current holder took the lease (renewals keep it).</summary>
    public DateTime AcquiredAt { get; set; }
}
