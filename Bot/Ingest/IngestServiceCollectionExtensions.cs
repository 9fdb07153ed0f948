using Radar.Bot.Hosting;
using Radar.Feeds;
using Radar.Feeds.Summaries;

namespace Radar.Bot.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>The way into stories: the feeds' and the LLM's options (validated at start), the fetcher, the feed list, the poller and <see cref="StoryIngest"/>; returns the feeds' options as configured.</summary>
    public static FeedsOptions AddRadarIngest(this IServiceCollection services, IConfiguration configuration)
    {
        var feeds = services.AddRadarOptions(configuration, FeedsOptions.Section, new FeedsOptionsValidator(), new FeedSourcesValidator());
        services.AddRadarOptions(configuration, LlmOptions.Section, new LlmOptionsValidator());
        services.AddRadarFeeds();
        services.AddSingleton<FeedSourcesProvider>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<StoryIngest>();
        return feeds;
    }
}
