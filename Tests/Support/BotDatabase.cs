using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radar.Storage;

namespace Radar.Tests.Support;

/// <summary>EF Core on a running bot's database, for tests to look at what the bot stored (the bot itself runs SQL).</summary>
public static class BotDatabase
{
    public static RadarDbContext OpenDatabase(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider == StorageProvider.Postgres
            ? new PostgresRadarDbContext(new DbContextOptionsBuilder<PostgresRadarDbContext>().UseNpgsql(options.ConnectionString).Options)
            : new SqliteRadarDbContext(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite(options.ConnectionString).Options);
    }
}
