namespace Radar.Bot.Chat;

/// <summary>A chat platform's adapter: it renders and sends; it knows nothing of commands' logic.</summary>
public interface IChatPlatform
{
    /// <summary>The platform's name as stored on channels ("console", "discord", "telegram").</summary>
    string Name { get; }

    Task<SendResult> SendAlertAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Updates a sent alert in place (a living alert: more outlets reported the story).</summary>
    Task<SendResult> EditAlertAsync(string messageId, Alert alert, CancellationToken cancellationToken);

    /// <summary>A plain-text message to one user in private (an owner told that a feed broke); nothing in it can ping.</summary>
    Task<SendResult> NotifyUserAsync(string userId, string text, CancellationToken cancellationToken);
}
