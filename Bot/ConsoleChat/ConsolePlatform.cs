using Radar.Bot.Chat;

namespace Radar.Bot.ConsoleChat;

/// <summary>The reference platform: alerts to standard output. Always available, needs no token.</summary>
public sealed class ConsolePlatform(ConsoleOutput output) : IChatPlatform
{
    public const string PlatformName = "console";

    public const string ChannelId = "console";

    /// <summary>The name <c>/cmd@Name</c> may address on the console; any other is another bot's.</summary>
    public const string BotName = "Radar";

    public string Name => PlatformName;

    public Task<SendResult> SendAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        output.WriteAlert(alert);
        return Task.FromResult(SendResult.Sent("console-" + alert.StoryId));
    }

    public Task<SendResult> NotifyUserAsync(string userId, string text, CancellationToken cancellationToken)
    {
        output.WriteNotice(text);
        return Task.FromResult(SendResult.Sent(null));
    }

    public Task<SendResult> EditAlertAsync(string messageId, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        output.WriteEdit(messageId, alert);
        return Task.FromResult(SendResult.Sent(messageId));
    }
}
