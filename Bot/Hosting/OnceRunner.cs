using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.ConsoleChat;
using Radar.Bot.Delivery;
using Radar.Bot.Ingest;
using Radar.Bot.Notices;
using Radar.Bot.Papers;

namespace Radar.Bot.Hosting;

/// <summary>
/// <c>--once</c>: start the lock and the database, answer the commands on standard input until it
/// ends, poll every feed once, read the paper listings and look up the papers due, tell the owners of feeds broken (or mended) since, deliver what is
/// due, and stop. For cron and for checks.
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
            // Only the bot's own start-up work and the leases (renewed while the run lasts): no web server,
            // no scheduler, no console reader. The dispatcher is made first, so that it competes for the
            // leases of the platforms no running instance is delivering on.
            _ = services.GetRequiredService<DeliveryDispatcher>();
            foreach (var hosted in services.GetServices<IHostedService>().Where(s => s is InstanceLockHolder or RadarInitializer or LeaseManager))
            {
                await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
                started.Add(hosted);
            }

            await services.GetRequiredService<ConsoleCommandRunner>().RunAsync(services.GetRequiredService<TextReader>(), cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<FeedPoller>().PollAsync(dueOnly: false, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<PaperPoller>().PollAsync(force: true, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<BrokenFeedNotifier>().NotifyAsync(cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var hosted in Enumerable.Reverse(started))
            {
                await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
