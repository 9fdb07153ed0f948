using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.Telegram;

/// <summary>The <c>Radar:Telegram</c> section. With no token the platform stays off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Radar:Telegram";

    /// <summary>From the environment or user secrets only (<c>Radar__Telegram__Token</c>); never logged.</summary>
    public string? Token { get; set; }

    [Required]
    [Url(ErrorMessage = "must be an absolute http(s) URL.")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts updates to, in webhook mode (served at <c>/telegram/webhook</c>).</summary>
    [Url(ErrorMessage = "must be an absolute https URL.")]
    public string? WebhookUrl { get; set; }

    /// <summary>Checked on every webhook request (header X-Telegram-Bot-Api-Secret-Token); 1–256 of A–Z a–z 0–9 _ -.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,256}$", ErrorMessage = "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -.")]
    public string? WebhookSecret { get; set; }

    /// <summary>How long a getUpdates call waits for news (Telegram caps it at 50 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:50", ErrorMessage = "must be between 00:00:00 and 00:00:50.")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Show a link preview of the first source under each alert.</summary>
    public bool LinkPreviews { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
