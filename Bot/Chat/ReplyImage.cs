namespace Radar.Bot.Chat;

/// <summary>A picture that goes with a reply: PNG bytes, a file name, and a text alternative.</summary>
public sealed record ReplyImage(byte[] Png, string FileName, string Alt);
