using Radar.Bot.Hosting;

namespace Radar.Bot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Delivery: its options (each platform's rate limits, validated at start), the composer, the rate limiter and the dispatcher.</summary>
    public static IServiceCollection AddRadarDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRadarOptions(configuration, DeliveryOptions.Section, new DeliveryOptionsValidator());
        services.AddSingleton<AlertComposer>();
        services.AddSingleton<PlatformRateLimiter>();
        services.AddSingleton<DeliveryDispatcher>();
        return services;
    }
}
