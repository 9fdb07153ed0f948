using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>The part of a posted message Radar keeps.</summary>
public sealed record DiscordMessage([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("channel_id")] string ChannelId);
