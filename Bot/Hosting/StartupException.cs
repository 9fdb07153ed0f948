namespace Radar.Bot.Hosting;

/// <summary>The bot cannot start; the message says why in words for the operator. No stack trace is shown.</summary>
public sealed class StartupException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
