namespace Radar.Bot.Delivery;

/// <summary>The <c>Radar:Delivery</c> section: per-platform rate limits, in one place.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Radar:Delivery";

    public Dictionary<string, PlatformRateLimit> RateLimits { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most messages on their way at once, over all chats (each chat has at most one, so its order holds).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 256, ErrorMessage = "must be between 1 and 256.")]
    public int MaxInFlight { get; set; } = 32;
}
