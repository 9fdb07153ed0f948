using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Radar.Storage;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresRadarDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRadarDbContext>
{
    public PostgresRadarDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRadarDbContext>().UseNpgsql("Host=127.0.0.1;Database=radar_design").Options);
}
