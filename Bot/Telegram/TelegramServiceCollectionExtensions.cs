using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Hosting;
using Telegram.Bot;

namespace Radar.Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Radar:Telegram</c> section (validated now: it decides what is registered) and, with a
    /// token, the Telegram platform: client, adapter, update handling, polling or webhook. Without,
    /// nothing. Returns the section as configured.
    /// </summary>
    public static TelegramOptions AddRadarTelegram(this IServiceCollection services, IConfiguration configuration, bool once)
    {
        var settings = services.AddRadarOptionsValidatedNow(configuration, TelegramOptions.Section, new TelegramOptionsValidator());
        if (settings.Enabled && settings.Mode == TelegramMode.Webhook && (settings.WebhookUrl is null || settings.WebhookSecret is null))
        {
            throw new StartupException("Radar:Telegram:Mode=Webhook needs Radar:Telegram:WebhookUrl and Radar:Telegram:WebhookSecret.", ExitCodes.BadConfiguration);
        }

        if (settings.Enabled)
        {
            services.AddTelegramPlatform(settings, once);
        }

        return settings;
    }

    /// <summary>Apart, and never inlined, so that a bot without Telegram does not load Telegram.Bot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddTelegramPlatform(this IServiceCollection services, TelegramOptions settings, bool once)
    {
        services.AddHttpClient("telegram", client => client.Timeout = settings.PollTimeout + TimeSpan.FromSeconds(15));
        services.AddSingleton<ITelegramBotClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");

            // RetryThreshold 0: a 429 comes back at once, and the delivery engine schedules the retry.
            return new TelegramBotClient(new TelegramBotClientOptions(options.Token!, options.ApiBaseUrl) { RetryThreshold = 0 }, http);
        });
        services.AddSingleton<TelegramIdentity>();
        services.AddSingleton<TelegramPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<TelegramPlatform>());
        services.AddSingleton<TelegramUpdateHandler>();
        if (!once)
        {
            services.AddHostedService<TelegramStartup>();
            if (settings.Mode == TelegramMode.Polling)
            {
                services.AddHostedService<TelegramPollingService>();
            }
        }

        return services;
    }
}
