namespace Radar.Bot.ConsoleChat;

/// <summary>Starts and stops reading commands from standard input while the bot runs.</summary>
public sealed partial class ConsoleInputService(ConsoleCommandRunner runner, TextReader input, ILogger<ConsoleInputService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A read of standard input cannot always be cancelled, so stopping does not wait for it:
        // the reader runs on its own, and the service ends as soon as the host stops.
        var reading = Task.Run(() => runner.RunAsync(input, stoppingToken), CancellationToken.None);
        var stopped = Task.Delay(Timeout.Infinite, stoppingToken);
        if (await Task.WhenAny(reading, stopped).ConfigureAwait(false) == reading)
        {
            await reading.ConfigureAwait(false);
            LogInputClosed(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Standard input closed; the bot keeps running. Stop it with Ctrl+C.")]
    private static partial void LogInputClosed(ILogger logger);
}
