using Radar.Bot.Chat;
using Radar.Bot.Commands;

namespace Radar.Bot.ConsoleChat;

/// <summary>Turns lines typed on standard input into commands and prints the replies.</summary>
public sealed class ConsoleCommandRunner(CommandDispatcher dispatcher, ConsoleOutput output)
{
    /// <summary>Handles one line; blank lines are ignored.</summary>
    public async Task RunLineAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        // "#research /subscribe …" acts in another console channel, so one terminal can try several.
        var channel = ConsolePlatform.ChannelId;
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            channel = space < 0 ? trimmed[1..] : trimmed[1..space];
            line = space < 0 ? string.Empty : trimmed[(space + 1)..];
            if (channel.Length is 0 or > 64 || !channel.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                output.WriteReply("channel", Reply.Error("A console channel is #name with letters, digits, - or _ (at most 64)."));
                return;
            }
        }

        // "/help@OtherBot" in a shared log or script is for another bot: said so, not answered.
        var command = line.TrimStart().Split(' ', 2)[0];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !string.Equals(command[(at + 1)..], ConsolePlatform.BotName, StringComparison.OrdinalIgnoreCase))
        {
            output.WriteReply(command[..at].TrimStart('/'), Reply.Error($"That command is for @{command[(at + 1)..]}; this is {ConsolePlatform.BotName}."));
            return;
        }

        // The person at the console owns the process: they may manage its channels.
        var (request, error) = CommandText.Parse(line, ConsolePlatform.PlatformName, channel, "console", canManage: true);
        if (request is null)
        {
            output.WriteReply(line.Trim().Split(' ')[0].TrimStart('/'), Reply.Error(error!));
            return;
        }

        var reply = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        output.WriteReply(request.Name, reply);
    }

    /// <summary>Reads and handles lines until the reader ends or the token fires.</summary>
    public async Task RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return;
            }

            await RunLineAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }
}
