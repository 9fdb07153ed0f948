using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Discord.Rest;
using Radar.Bot.Hosting;

namespace Radar.Bot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Radar:Discord</c> section (validated now: it decides what is registered) and, with a
    /// token, the Discord platform: REST client (one, for its rate-limit state), adapter,
    /// interactions, gateway. Without, nothing. Returns the section as configured.
    /// </summary>
    public static DiscordOptions AddRadarDiscord(this IServiceCollection services, IConfiguration configuration, bool once)
    {
        var settings = services.AddRadarOptionsValidatedNow(configuration, DiscordOptions.Section, new DiscordOptionsValidator());
        if (!settings.Enabled)
        {
            return settings;
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

        return settings;
    }
}
