namespace Radar.Bot.Chat;

/// <summary>A named value of a reply (an embed field on Discord, a bold label elsewhere).</summary>
public sealed record ReplyField(string Name, string Value);
