namespace Radar.Bot.Delivery;

/// <summary>The <c>Radar:Delivery</c> section: per-platform rate limits, in one place.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Radar:Delivery";

    public Dictionary<string, PlatformRateLimit> RateLimits { get; } = new(StringComparer.OrdinalIgnoreCase);
}
