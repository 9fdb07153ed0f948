using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>The body of <c>POST /users/@me/channels</c>: opens (or returns) the DM channel with a user.</summary>
public sealed record DiscordDirectMessageCreate([property: JsonPropertyName("recipient_id")] string RecipientId);
