using Microsoft.EntityFrameworkCore;

namespace Radar.Storage;

/// <summary>The SQLite flavour of <see cref="RadarDbContext"/>; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteRadarDbContext(DbContextOptions<SqliteRadarDbContext> options) : RadarDbContext(options);
