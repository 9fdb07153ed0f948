namespace Radar.Storage;

/// <summary>Where Radar keeps its state (<c>Radar:Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: any number of instances.</summary>
    Postgres,
}
