using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>The part of a channel Radar keeps: its id (a DM channel opened to write to an owner).</summary>
public sealed record DiscordChannel([property: JsonPropertyName("id")] string Id);
