namespace Radar.Storage;

/// <summary>The SQLite database file or its folder cannot be created or written (a read-only disk, folder or file).</summary>
public sealed class DatabaseNotWritableException(string path, string reason, Exception inner)
    : Exception($"The database {path} cannot be written: {reason}. Give Radar a writable folder (Radar:Storage:ConnectionString).", inner);
