namespace Radar.Bot.Chat;

/// <summary>A command as every platform hands it over: who, where, which command, which options.</summary>
public sealed record CommandRequest(
    string Platform,
    string ChannelExternalId,
    string UserId,
    bool CanManageChannel,
    string Name,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The thread or forum topic the command was typed in; empty for the channel itself.</summary>
    public string ThreadId { get; init; } = string.Empty;

    /// <summary>The Discord server the command was typed in; null elsewhere (DMs, Telegram, the console).</summary>
    public string? GuildId { get; init; }
}
