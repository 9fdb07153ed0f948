using System.Globalization;
using Radar.Bot.Chat;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Feeds;

/// <summary><c>/feeds</c>: every feed with its health.</summary>
public sealed class FeedsHandler(FeedStore feeds) : ICommandHandler
{
    public string Name => "feeds";

    public string Help => "/feeds — the feeds Radar reads, with their health";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var all = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
        var lines = all.Where(f => f.Enabled).Select(Describe).ToList();
        var failing = all.Count(f => f.Enabled && f.ConsecutiveFailures > 0);
        return new Reply($"{lines.Count} feeds, {failing} failing", lines.Count == 0 ? ["No feeds are configured."] : lines);
    }

    private static string Describe(FeedHealth feed)
    {
        var state = feed.ConsecutiveFailures > 0
            ? $"FAILING ×{feed.ConsecutiveFailures}: {feed.LastError}"
            : feed.LastSuccessAt is { } success ? "ok, last success " + success.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "not polled yet";
        return $"#{feed.Id} {feed.Name} — {state}";
    }
}
