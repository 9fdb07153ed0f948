using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>Which mentions may ping. Radar always sends an empty <c>parse</c> list, so no feed text can ping anyone; an alert may name the one role its subscription opted into.</summary>
public sealed record DiscordAllowedMentions
{
    public static readonly DiscordAllowedMentions None = new();

    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>The only roles that may ping: the one a subscription opted into, never one named by a feed.</summary>
    [JsonPropertyName("roles")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Roles { get; init; }
}
