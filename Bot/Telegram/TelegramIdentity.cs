namespace Radar.Bot.Telegram;

/// <summary>Who the bot is on Telegram (from getMe at start), to tell "/cmd@ThisBot" from "/cmd@OtherBot".</summary>
public sealed class TelegramIdentity
{
    public string? Username { get; set; }
}
