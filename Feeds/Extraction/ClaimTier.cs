using System.Text.Json.Serialization;

namespace Radar.Feeds.Extraction;

/// <summary>
/// How sure a report is of what it tells: said by others (<see cref="Reported"/>), stated by the
/// company or the person, or as fact (<see cref="Confirmed"/>), denied, or inferred from a paper. Written in lower case
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

    /// <summary>Read from a new paper's author affiliations, not reported by anyone yet.</summary>
    [JsonStringEnumMemberName("inferred")]
    Inferred = 3,
}
