using Microsoft.AspNetCore.Mvc.RazorPages;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary><c>/feeds</c>: every feed's health, and whether a WebSub hub pushes it.</summary>
public sealed class FeedsModel(FeedStore feeds, WebSubStore webSub, TimeProvider time) : PageModel
{
    public IReadOnlyList<FeedHealth> Feeds { get; private set; } = [];

    /// <summary>Per feed id: "pushed by hub until …", "subscribing at hub", or nothing.</summary>
    public IReadOnlyDictionary<int, string> Push { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Feeds = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        Push = (await webSub.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(
            w => w.FeedId,
            w => w.ExpiresAt > now ? $"pushed by {new Uri(w.Hub).Host} until {w.ExpiresAt:yyyy-MM-dd}" : w.LastError ?? $"subscribing at {new Uri(w.Hub).Host}");
    }
}
