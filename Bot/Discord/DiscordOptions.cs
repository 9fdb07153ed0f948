using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.Discord;

/// <summary>The <c>Radar:Discord</c> section. With no token the platform stays off.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Radar:Discord";

    /// <summary>From the environment or user secrets only (<c>Radar__Discord__Token</c>); never logged.</summary>
    public string? Token { get; set; }

    [Required]
    [Url(ErrorMessage = "must be an absolute http(s) URL.")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    public string? GatewayUrl { get; set; }

    public string? DevGuildId { get; set; }

    public string? PublicKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
