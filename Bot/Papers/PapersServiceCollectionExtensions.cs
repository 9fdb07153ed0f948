using Radar.Bot.Hosting;

namespace Radar.Bot.Papers;

public static class PapersServiceCollectionExtensions
{
    /// <summary>The live paper trail: its options (validated at start), the poller, and its rounds unless this is a --once run (which polls it itself).</summary>
    public static IServiceCollection AddRadarPapers(this IServiceCollection services, IConfiguration configuration, bool once)
    {
        services.AddRadarOptions(configuration, PapersOptions.Section, new PapersRangesValidator(), new PapersOptionsValidator());
        services.AddSingleton<PaperPoller>();
        if (!once)
        {
            services.AddHostedService<PaperService>();
        }

        return services;
    }
}
