using Microsoft.Extensions.Diagnostics.HealthChecks;
using Radar.Storage.Sql;

namespace Radar.Bot.Hosting;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<RadarDatabase>().ScalarAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (System.Data.Common.DbException e)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}
