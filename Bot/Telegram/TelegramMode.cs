namespace Radar.Bot.Telegram;

/// <summary>How Telegram's updates reach the bot (<c>Radar:Telegram:Mode</c>).</summary>
public enum TelegramMode
{
    /// <summary>The bot asks for them (getUpdates): works behind any firewall.</summary>
    Polling,

    /// <summary>Telegram posts them to <c>Radar:Telegram:WebhookUrl</c>.</summary>
    Webhook,
}
