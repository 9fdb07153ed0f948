using Radar.Bot.Chat;

namespace Radar.Bot.Commands.Help;

/// <summary><c>/help</c>: every command with its usage.</summary>
public sealed class HelpHandler(IServiceProvider services) : ICommandHandler
{
    public string Name => "help";

    public string Help => "/help — this list";

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var lines = services.GetServices<ICommandHandler>().Select(h => h.Help).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(new Reply("Radar — AI talent moves and model launches", lines));
    }
}
