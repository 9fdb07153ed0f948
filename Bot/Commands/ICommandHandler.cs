using Radar.Bot.Chat;

namespace Radar.Bot.Commands;

/// <summary>One command, written once for every platform.</summary>
public interface ICommandHandler
{
    string Name { get; }

    /// <summary>One line for /help: usage and what it does.</summary>
    string Help { get; }

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
