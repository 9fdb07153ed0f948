using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Radar.Bot.Scheduling;

/// <summary>The single instance's scheduler check: healthy while <see cref="PollTicker"/> runs.</summary>
public sealed class PollTickerHealthCheck(PollTicker ticker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ticker.Running ? HealthCheckResult.Healthy("The poll ticker is running.") : HealthCheckResult.Unhealthy("The poll ticker is not running."));
}
