using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.ConsoleChat;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;

namespace Radar.Bot.Hosting;

/// <summary>
/// <c>--once</c>: start the lock and the database, answer the commands on standard input until it
/// ends, poll every feed once, deliver what is due, and stop. For cron and for checks.
/// </summary>
public static class OnceRunner
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
        var started = new List<IHostedService>();
        try
        {
            // Only the bot's own start-up work: no web server, no scheduler, no console reader.
            foreach (var hosted in services.GetServices<IHostedService>().Where(s => s is InstanceLockHolder or RadarInitializer))
            {
                await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
                started.Add(hosted);
            }

            await services.GetRequiredService<ConsoleCommandRunner>().RunAsync(services.GetRequiredService<TextReader>(), cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, cancellationToken).ConfigureAwait(false);

            // Deliver on the platforms no running instance is delivering on (their leases are free).
            var dispatcher = services.GetRequiredService<DeliveryDispatcher>();
            await services.GetRequiredService<LeaseManager>().RenewAsync(cancellationToken).ConfigureAwait(false);
            await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await services.GetRequiredService<LeaseManager>().ReleaseAllAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var hosted in Enumerable.Reverse(started))
            {
                await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
