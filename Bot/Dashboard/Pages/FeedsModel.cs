using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary><c>/feeds</c>: every feed's health, and whether a WebSub hub pushes it.</summary>
/// <param name="Feeds">Every feed with its health.</param>
/// <param name="Push">Per feed id: "pushed by hub until …", "subscribing at hub", or nothing.</param>
public sealed record FeedsModel(IReadOnlyList<FeedHealth> Feeds, IReadOnlyDictionary<int, string> Push)
{
    public static async Task<FeedsModel> LoadAsync(FeedStore feeds, WebSubStore webSub, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(webSub);
        ArgumentNullException.ThrowIfNull(time);
        var health = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var push = (await webSub.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(
            w => w.FeedId,
            w => w.ExpiresAt > now ? $"pushed by {new Uri(w.Hub).Host} until {w.ExpiresAt:yyyy-MM-dd}" : w.LastError ?? $"subscribing at {new Uri(w.Hub).Host}");
        return new FeedsModel(health, push);
    }
}
