namespace Radar.Storage.Entities;

/// <summary>The life of one outbox row.</summary>
public enum DeliveryState
{
    Pending = 0,
    Retrying = 1,
    Sent = 2,
    Dead = 3,
}
