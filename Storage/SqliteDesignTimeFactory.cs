using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Radar.Storage;

/// <summary>Lets <c>dotnet ef migrations add X --project Storage</c> build the SQLite context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRadarDbContext>
{
    public SqliteRadarDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite("Data Source=design.db").Options);
}
