using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.ConsoleChat;

/// <summary>The <c>Radar:Console</c> section.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Radar:Console";

    /// <summary><c>text</c> (default, for people) or <c>json</c> (one object per line, for scripts).</summary>
    [Required]
    [AllowedValues("text", "json", ErrorMessage = "must be text or json.")]
    public string Format { get; set; } = "text";
}
