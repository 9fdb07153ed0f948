using Microsoft.Extensions.Options;
using Radar.Feeds;
using Radar.Feeds.Fetching;

namespace Radar.Bot.WebSub;

public static class WebSubServiceCollectionExtensions
{
    /// <summary>The WebSub subscriber, with an HTTP client behind the feeds' address guard; its callbacks are mapped by <see cref="WebSubEndpoints"/>.</summary>
    public static IServiceCollection AddRadarWebSub(this IServiceCollection services)
    {
        services.AddSingleton<WebSubSubscriber>();
        services.AddHttpClient(WebSubSubscriber.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value));
        return services;
    }
}
