using Microsoft.Extensions.Diagnostics.HealthChecks;
using Radar.Storage.Stores;

namespace Radar.Bot.Hosting;

/// <summary>Degraded while any enabled feed is failing; the failing feeds travel in the result's data for <c>/healthz</c>.</summary>
public sealed class FeedsHealthCheck(FeedStore feeds) : IHealthCheck
{
    public const string Name = "feeds";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
        var failing = health.Where(f => f.Enabled && f.ConsecutiveFailures > 0).ToList();
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["total"] = health.Count(f => f.Enabled), ["failing"] = failing };
        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{health.Count} feeds", data)
            : HealthCheckResult.Degraded($"{failing.Count} feeds failing", data: data);
    }
}
