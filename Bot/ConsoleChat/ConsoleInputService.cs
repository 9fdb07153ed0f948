namespace Radar.Bot.ConsoleChat;

/// <summary>Starts and stops reading commands from standard input while the bot runs.</summary>
public sealed partial class ConsoleInputService(ConsoleCommandRunner runner, TextReader input, ILogger<ConsoleInputService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before a blocking read of standard input begins.
        await Task.Yield();
        try
        {
            await runner.RunAsync(input, stoppingToken).ConfigureAwait(false);
            LogInputClosed(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Standard input closed; the bot keeps running. Stop it with Ctrl+C.")]
    private static partial void LogInputClosed(ILogger logger);
}
