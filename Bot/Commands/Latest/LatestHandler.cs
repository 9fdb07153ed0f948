using System.Globalization;
using Radar.Bot.Chat;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Latest;

/// <summary><c>/latest [count]</c>: the most recent stories, at most ten.</summary>
public sealed class LatestHandler(StoryStore stories) : ICommandHandler
{
    public const int MaxCount = 10;

    public string Name => "latest";

    public string Help => $"/latest [count ≤ {MaxCount}] — the most recent stories";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Options.GetValueOrDefault("count") ?? (request.Arguments.Count > 0 ? request.Arguments[0] : null) ?? "5";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
        {
            return Reply.Error($"count must be a whole number from 1 to {MaxCount}.");
        }

        var latest = await stories.LatestAsync(count, cancellationToken).ConfigureAwait(false);
        if (latest.Count == 0)
        {
            return new Reply("Latest stories", ["No stories yet: the feeds have not brought anything new."]);
        }

        var lines = latest.Select(s => $"{s.PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · {s.Source} · {s.Title}{(s.Link is null ? string.Empty : " — " + s.Link)}").ToList();
        return new Reply("Latest stories", lines);
    }
}
