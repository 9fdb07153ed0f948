using Quartz;
using Radar.Bot.Cluster;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Hosting;

/// <summary><c>GET /healthz</c>: which instance answers and the leases it holds, database reachable, scheduler running, feeds failing.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapRadarHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (RadarDbContext db, FeedStore feeds, ISchedulerFactory schedulers, InstanceIdentity instance, LeaseManager leases, CancellationToken cancellationToken) =>
        {
            var database = await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            var schedulerRunning = scheduler.Status == SchedulerStatus.Running;
            var health = database ? await feeds.HealthAsync(cancellationToken).ConfigureAwait(false) : [];
            var failing = health.Where(f => f.Enabled && f.ConsecutiveFailures > 0)
                .Select(f => new { f.Id, f.Name, f.Url, failures = f.ConsecutiveFailures, error = f.LastError, nextPoll = f.NextPollAt })
                .ToList();
            var healthy = database && schedulerRunning;
            var body = new
            {
                status = !healthy ? "unhealthy" : failing.Count > 0 ? "degraded" : "ok",
                instance = instance.Id,
                leases = leases.Held,
                database = database ? "ok" : "unreachable",
                scheduler = schedulerRunning ? "running" : "stopped",
                feeds = new { total = health.Count(f => f.Enabled), failing },
            };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
