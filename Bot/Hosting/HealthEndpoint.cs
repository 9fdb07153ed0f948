using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Radar.Bot.Cluster;
using Radar.Bot.Scheduling;
using Radar.Storage.Stores;

namespace Radar.Bot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: ASP.NET Core's health checks (the database through EF Core, the scheduler
/// through Quartz's own check on a PostgreSQL cluster or <see cref="PollTickerHealthCheck"/> alone,
/// the feeds) written in Radar's JSON: which instance answers and the leases it holds, database
/// reachable, scheduler running, feeds failing. 200 when healthy or degraded (failing feeds), 503
/// when the database or the scheduler is down.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public const string Database = "database";
    /// <summary>The name Quartz gives its check of the scheduler (registered with the cluster, <see cref="RadarHost"/>).</summary>
    public const string SchedulerCheck = "quartz-scheduler-" + RadarHost.SchedulerName;

    public static IServiceCollection AddRadarHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(Database)
            .AddCheck<FeedsHealthCheck>(FeedsHealthCheck.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapRadarHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var feeds = report.Entries.TryGetValue(FeedsHealthCheck.Name, out var feedEntry) ? feedEntry.Data : new Dictionary<string, object>();
        var failing = (feeds.GetValueOrDefault("failing") as IEnumerable<FeedHealth> ?? [])
            .Select(f => new { f.Id, f.Name, f.Url, failures = f.ConsecutiveFailures, error = f.LastError, nextPoll = f.NextPollAt });
        var body = new
        {
            status = report.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "degraded", _ => "unhealthy" },
            instance = services.GetRequiredService<InstanceIdentity>().Id,
            leases = services.GetRequiredService<LeaseManager>().Held,
            database = Healthy(report, Database) ? "ok" : "unreachable",
            scheduler = Healthy(report, SchedulerCheck) || Healthy(report, PollTicker.CheckName) ? "running" : "stopped",
            feeds = new { total = feeds.GetValueOrDefault("total") ?? 0, failing },
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsJsonAsync(body);
    }

    private static bool Healthy(HealthReport report, string name) =>
        report.Entries.TryGetValue(name, out var entry) && entry.Status != HealthStatus.Unhealthy;
}
