using Radar.Bot.Chat;
using Radar.Bot.Hosting;

namespace Radar.Bot.ConsoleChat;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The console platform, always on: its options, its output and the runner of typed commands.</summary>
    public static IServiceCollection AddRadarConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRadarOptions(configuration, ConsoleOptions.Section, new ConsoleOptionsValidator());
        services.AddSingleton<ConsoleOutput>();
        services.AddSingleton<IChatPlatform, ConsolePlatform>();
        services.AddSingleton<ConsoleCommandRunner>();
        return services;
    }
}
