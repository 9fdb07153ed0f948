namespace Radar.Storage.Entities;

/// <summary>A subscription's topic as stored ("all", "talent", "launches": the names users type).</summary>
public enum SubscriptionTopic
{
    /// <summary>Any topic.</summary>
    All,

    Talent,

    Launches,
}
