using System.Text.Json.Serialization;

namespace Radar.Feeds.Extraction;

/// <summary>What Radar alerts on: people moving and models shipping. Written in lower case ("talent") wherever it is text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Topic>))]
public enum Topic
{
    [JsonStringEnumMemberName("talent")]
    Talent,

    [JsonStringEnumMemberName("launches")]
    Launches,
}
