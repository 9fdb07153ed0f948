using Microsoft.Extensions.Options;

namespace Radar.Bot.Delivery;

/// <summary>Checks <see cref="PlatformRateLimit"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class PlatformRateLimitValidator : IValidateOptions<PlatformRateLimit>;
