namespace Radar.Bot.Chat;

/// <summary>
/// A command's answer, platform-neutral: adapters render it as an embed, HTML or text. Errors are
/// ephemeral (only the asker sees them) where the platform can do that.
/// </summary>
public sealed record Reply(string Title, IReadOnlyList<string> Lines, bool IsError = false)
{
    public string? Url { get; init; }

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>An optional picture (a chart): sent as an attachment, a photo, or a file on the console.</summary>
    public ReplyImage? Image { get; init; }

    public bool Ephemeral { get; init; } = IsError;

    public static Reply Error(string message) => new("Error", [message], IsError: true);
}
