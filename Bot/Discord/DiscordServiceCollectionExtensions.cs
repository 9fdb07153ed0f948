using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Discord.Rest;

namespace Radar.Bot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>With a token, the Discord platform: REST client (one, for its rate-limit state), adapter, interactions, gateway. Without, nothing.</summary>
    public static IServiceCollection AddRadarDiscord(this IServiceCollection services, DiscordOptions settings, bool once)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddHttpClient("discord", client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient("discord"),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<DiscordPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordPlatform>());
        services.AddSingleton<DiscordInteractionHandler>();
        if (!once)
        {
            services.AddHostedService<DiscordService>();
        }

        return services;
    }
}
