using Radar.Bot.Chat;
using Radar.Bot.Commands.Latest;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Search;

/// <summary><c>/search &lt;text&gt;</c>: stories whose title or summary contain the text.</summary>
public sealed class SearchHandler(StoryStore stories) : ICommandHandler
{
    public string Name => "search";

    public string Help => "/search <text> — stories that mention it";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = string.Join(' ', request.Arguments).Trim();
        if (text.Length < 2)
        {
            return Reply.Error("Say what to look for: /search Behemoth");
        }

        var found = await stories.SearchAsync(text, 5, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? new Reply($"Nothing found for '{text}'", []) : new Reply($"Stories mentioning '{text}'", [.. found.Select(s => LatestHandler.Line(s))]);
    }
}
