using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Fetching;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Summaries;

namespace Radar.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>Registers the knowledge base, extraction, clustering, headlines and <see cref="FeedFetcher"/> with its guarded HTTP handler; <see cref="FeedsOptions"/> must be bound by the host.</summary>
    public static IServiceCollection AddRadarFeeds(this IServiceCollection services)
    {
        services.AddSingleton(_ => SeedKnowledge.Load());
        services.AddSingleton<EventExtractor>();
        services.AddSingleton<StoryClusterer>();
        services.AddSingleton<Headline>();
        services.AddHttpClient<FeedFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value));
        return services;
    }
}
