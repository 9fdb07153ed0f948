namespace Radar.Bot.Chat;

/// <summary>A command's answer, platform-neutral: adapters render it as an embed, HTML or text.</summary>
public sealed record Reply(string Title, IReadOnlyList<string> Lines, bool IsError = false)
{
    public static Reply Error(string message) => new("Error", [message], IsError: true);
}
