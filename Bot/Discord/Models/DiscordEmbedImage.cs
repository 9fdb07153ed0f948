using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>An embed's image; <c>attachment://name.png</c> points at a file uploaded with the message.</summary>
public sealed record DiscordEmbedImage([property: JsonPropertyName("url")] string Url);
