using System.Text.Json.Serialization;

namespace Radar.Feeds.Extraction;

/// <summary>The kind of an extracted event. Written in snake case ("model_launch") wherever it is text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    [JsonStringEnumMemberName("departure")]
    Departure,

    [JsonStringEnumMemberName("hire")]
    Hire,

    [JsonStringEnumMemberName("founding")]
    Founding,

    [JsonStringEnumMemberName("leadership_change")]
    LeadershipChange,

    [JsonStringEnumMemberName("model_launch")]
    ModelLaunch,

    [JsonStringEnumMemberName("model_delay")]
    ModelDelay,
}
