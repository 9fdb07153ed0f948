using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radar.Feeds.Fetching;
using Radar.Feeds.Summaries;

namespace Radar.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="FeedFetcher"/> with its guarded HTTP handler and the optional LLM summarizer; the host binds the options.</summary>
    public static IServiceCollection AddRadarFeeds(this IServiceCollection services)
    {
        services.AddSingleton<LlmSummarizer>();
        services.AddHttpClient<FeedFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value));
        return services;
    }
}
