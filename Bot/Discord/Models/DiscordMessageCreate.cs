using System.Text.Json.Serialization;

namespace Radar.Bot.Discord.Models;

/// <summary>The body of a message post or edit. <see cref="AllowedMentions"/> cannot be left out.</summary>
public sealed record DiscordMessageCreate
{
    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];

    [JsonPropertyName("allowed_mentions")]
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    /// <summary>With <see cref="EnforceNonce"/>, a repeated post (a retry after a timeout) is not posted twice.</summary>
    [JsonPropertyName("nonce")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Nonce { get; init; }

    /// <summary>The files uploaded with the message (multipart parts <c>files[N]</c>).</summary>
    [JsonPropertyName("attachments")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }

    /// <summary>Message flags: <see cref="SuppressNotifications"/> for a silent alert.</summary>
    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Flags { get; init; }

    public const int SuppressNotifications = 1 << 12;

    [JsonPropertyName("enforce_nonce")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnforceNonce { get; init; }
}
