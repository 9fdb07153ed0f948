namespace Radar.Storage.Entities;

/// <summary>An update a platform delivered and Radar handled, kept a while so that a redelivery is skipped.</summary>
public sealed class HandledUpdateRecord
{
    public required string Platform { get; set; }

    public long UpdateId { get; set; }

    public DateTime HandledAt { get; set; }
}
