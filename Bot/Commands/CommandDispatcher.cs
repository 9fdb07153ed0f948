using Radar.Bot.Chat;

namespace Radar.Bot.Commands;

/// <summary>Finds the handler for a request and runs it in its own scope; no exception reaches a user.</summary>
public sealed partial class CommandDispatcher(IServiceScopeFactory scopes, ILogger<CommandDispatcher> logger)
{
    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<ICommandHandler>().FirstOrDefault(h => h.Name == request.Name);
        if (handler is null)
        {
            return Reply.Error($"Unknown command /{request.Name}. Try /help.");
        }

        if (handler.ChangesChannel && !request.CanManageChannel)
        {
            return Reply.Error(ChannelContext.ManageOnly);
        }

        try
        {
            return await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCommandFailed(logger, e, request.Name);
            return Reply.Error($"/{request.Name} failed on our side; it has been logged. Please try again later.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Command /{Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command);
}
