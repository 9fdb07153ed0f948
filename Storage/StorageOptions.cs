using System.ComponentModel.DataAnnotations;

namespace Radar.Storage;

/// <summary>The <c>Radar:Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Radar:Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    [Required]
    [AllowedValues("Sqlite", "Postgres", ErrorMessage = "must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Default: the SQLite file <c>data/radar.db</c> under the working directory.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/radar.db";
}
