using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>A file uploaded with a message: its id is the N of the multipart part <c>files[N]</c>.</summary>
public sealed record DiscordAttachment(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("description")] string? Description);
