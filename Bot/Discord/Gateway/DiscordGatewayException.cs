namespace Radar.Bot.Discord.Gateway;

/// <summary>A close code after which reconnecting cannot help (4004 bad token, 4010–4014 shards, version, intents).</summary>
public sealed class DiscordGatewayException(int closeCode, string reason)
    : Exception($"Discord gateway closed with {closeCode} ({reason}); not reconnecting")
{
    public int CloseCode { get; } = closeCode;
}
