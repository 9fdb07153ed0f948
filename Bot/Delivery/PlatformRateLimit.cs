using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.Delivery;

/// <summary>One platform's sending limits (<c>Radar:Delivery:RateLimits:&lt;platform&gt;</c>); 0 means no limit.</summary>
public sealed class PlatformRateLimit
{
    [Range(0, 10_000, ErrorMessage = "must be between 0 and 10000.")]
    public double GlobalPerSecond { get; set; }

    [Range(0, 1_000, ErrorMessage = "must be between 0 and 1000.")]
    public double PerChannelPerSecond { get; set; }

    [Range(0, 100_000, ErrorMessage = "must be between 0 and 100000.")]
    public int PerChannelPerMinute { get; set; }
}
