using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);
