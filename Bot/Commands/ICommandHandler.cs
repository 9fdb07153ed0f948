using Radar.Bot.Chat;

namespace Radar.Bot.Commands;

/// <summary>One command, written once for every platform.</summary>
public interface ICommandHandler
{
    string Name { get; }

    /// <summary>One line for /help: usage and what it does.</summary>
    string Help { get; }

    /// <summary>True for commands that change the channel (subscriptions, language, time zone): only its managers may run them.</summary>
    bool ChangesChannel => false;

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
