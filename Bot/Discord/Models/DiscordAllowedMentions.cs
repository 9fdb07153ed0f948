using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>Which mentions may ping. Radar always sends an empty <c>parse</c> list: no feed text can ping anyone.</summary>
public sealed record DiscordAllowedMentions
{
    public static readonly DiscordAllowedMentions None = new();

    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];
}
