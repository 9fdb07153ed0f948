using Microsoft.AspNetCore.Mvc.RazorPages;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary><c>/feeds</c>: every feed's health.</summary>
public sealed class FeedsModel(FeedStore feeds) : PageModel
{
    public IReadOnlyList<FeedHealth> Feeds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Feeds = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
}
