namespace Radar.Bot.Hosting;

/// <summary>The process's exit codes, for service managers and scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A configuration value is invalid; the message names the key.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Another process already uses the SQLite database.</summary>
    public const int DatabaseInUse = 3;

    /// <summary>The database exists but cannot be migrated or opened.</summary>
    public const int DatabaseError = 4;

    /// <summary>The SQLite database, or its folder, cannot be created or written (read-only).</summary>
    public const int DatabaseNotWritable = 5;

    /// <summary>The runtime lacks ICU (globalization-invariant mode) or the time-zone database.</summary>
    public const int RuntimeIncomplete = 6;
}
