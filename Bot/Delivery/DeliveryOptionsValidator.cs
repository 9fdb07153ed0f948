using Microsoft.Extensions.Options;

namespace Radar.Bot.Delivery;

/// <summary>Validates each platform's rate limits, naming the platform in the key.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    private readonly PlatformRateLimitValidator _limits = new();

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.RateLimits
            .SelectMany(p => _limits.Validate(null, p.Value) is { Failed: true } result ? result.Failures!.Select(f => $"RateLimits:{p.Key}:{f}") : [])
            .ToList();
        if (options.MaxInFlight is < 1 or > 256)
        {
            failures.Add("MaxInFlight: must be between 1 and 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
