using Microsoft.EntityFrameworkCore;

namespace Radar.Storage;

/// <summary>The PostgreSQL flavour of <see cref="RadarDbContext"/>; its migrations (and Quartz's tables) live in Migrations/Postgres.</summary>
public sealed class PostgresRadarDbContext(DbContextOptions<PostgresRadarDbContext> options) : RadarDbContext(options)
{
    public override bool OnPostgres => true;
}
