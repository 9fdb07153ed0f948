using System.Text.Json.Serialization;

namespace Radar.Feeds.Extraction;

/// <summary>
/// How sure a report is of what it tells: said by others (<see cref="Reported"/>), stated by the
/// company or the person, or as fact (<see cref="Confirmed"/>), or denied. Written in lower case
/// ("reported") wherever it is text.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimTier>))]
public enum ClaimTier
{
    [JsonStringEnumMemberName("confirmed")]
    Confirmed = 0,

    [JsonStringEnumMemberName("reported")]
    Reported = 1,

    [JsonStringEnumMemberName("denied")]
    Denied = 2,
}
