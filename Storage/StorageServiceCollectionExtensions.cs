using Microsoft.Extensions.DependencyInjection;
using Radar.Storage.Sql;
using Radar.Storage.Stores;

namespace Radar.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database named by validated <paramref name="options"/> and the stores, scoped.</summary>
    public static IServiceCollection AddRadarStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddScoped(_ => new RadarDatabase(options));
        services.AddScoped<FeedStore>();
        services.AddScoped<PaperStore>();
        services.AddScoped<WebSubStore>();
        services.AddScoped<HandledUpdateStore>();
        services.AddScoped<EntryStore>();
        services.AddScoped<StoryStore>();
        services.AddScoped<ChannelStore>();
        services.AddScoped<DeliveryStore>();
        services.AddScoped<KnowledgeStore>();
        services.AddScoped<SubscriptionStore>();
        services.AddScoped<PlatformStateStore>();
        services.AddScoped<LeaseStore>();
        return services;
    }
}
