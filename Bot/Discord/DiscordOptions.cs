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

    /// <summary>Optional sharding: this connection's shard and the total (one connection when unset).</summary>
    [Range(0, 10_000, ErrorMessage = "must be between 0 and 10000.")]
    public int? ShardId { get; set; }

    [Range(1, 10_000, ErrorMessage = "must be between 1 and 10000.")]
    public int? ShardCount { get; set; }

    /// <summary>How long a command may take before its answer is deferred ("thinking…"); Discord allows 3 s in all. Zero defers every command.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "must be between 0 and 2.5 seconds.")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
