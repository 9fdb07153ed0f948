using System.ComponentModel.DataAnnotations;

namespace Radar.Storage;

/// <summary>The <c>Radar:Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Radar:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Default: the SQLite file <c>data/radar.db</c> under the working directory. For PostgreSQL, in
    /// Npgsql's form: <c>Host=127.0.0.1;Port=5432;Username=radar;Database=radar</c>.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/radar.db";
}
