using Microsoft.Extensions.Options;

namespace Radar.Bot.Papers;

public static class PapersServiceCollectionExtensions
{
    /// <summary>The live paper trail: its options (validated at start), the poller, and its rounds unless this is a --once run (which polls it itself).</summary>
    public static IServiceCollection AddRadarPapers(this IServiceCollection services, bool once)
    {
        services.AddOptions<PapersOptions>().BindConfiguration(PapersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PapersOptions>, PapersRangesValidator>();
        services.AddSingleton<IValidateOptions<PapersOptions>, PapersOptionsValidator>();
        services.AddSingleton<PaperPoller>();
        if (!once)
        {
            services.AddHostedService<PaperService>();
        }

        return services;
    }
}
