namespace Radar.Storage.Entities;

/// <summary>A small piece of a platform adapter's state that must survive restarts (Telegram's update offset).</summary>
public sealed class PlatformStateRecord
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedAt { get; set; }
}
