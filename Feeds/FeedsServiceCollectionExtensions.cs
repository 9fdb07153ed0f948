using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radar.Feeds.Fetching;

namespace Radar.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="FeedFetcher"/> with its guarded HTTP handler; <see cref="FeedsOptions"/> must be bound by the host.</summary>
    public static IServiceCollection AddRadarFeeds(this IServiceCollection services)
    {
        services.AddHttpClient<FeedFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value));
        return services;
    }
}
