namespace Radar.Storage;

/// <summary>Another process already uses this SQLite database.</summary>
public sealed class DatabaseInUseException(string path, Exception inner)
    : Exception($"The database {path} is in use by another Radar process. Stop it, or give this one its own database with Radar:Storage:ConnectionString.", inner)
{
    public string DatabasePath { get; } = path;
}
