using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.ConsoleChat;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;
using Radar.Bot.Scheduling;
using Radar.Bot.Telegram;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Hosting;

/// <summary>
/// Before anything polls or listens: create and migrate the database, then seed the knowledge, sync
/// the feeds and create the console channel — all under the <see cref="StartupLock"/>.
/// </summary>
public sealed partial class RadarInitializer(
    IServiceScopeFactory scopes,
    FeedSourcesProvider sources,
    KnowledgeProvider knowledge,
    IOptions<TelegramOptions> telegram,
    IOptions<Discord.DiscordOptions> discord,
    IOptions<StorageOptions> options,
    InstanceIdentity instance,
    TimeProvider time,
    ILogger<RadarInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Radar.Storage.Sql.RadarDatabase>();
        StartupLock startupLock;
        try
        {
            // Instances starting together on one PostgreSQL database take turns from here to the end of seeding.
            startupLock = await StartupLock.AcquireAsync(options.Value, cancellationToken).ConfigureAwait(false);
            await Radar.Storage.Sql.SchemaMigrator.MigrateAsync(db, cancellationToken).ConfigureAwait(false);
            if (options.Value.Provider == StorageProvider.Postgres)
            {
                await QuartzSchema.EnsureAsync(await db.ConnectionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new StartupException(
                $"The database could not be prepared ({e.Message}). If it was made by an unreleased build, move it away; Radar:Storage:ConnectionString says where it is.",
                ExitCodes.DatabaseError);
        }

        await using (startupLock.ConfigureAwait(false))
        {
            await SeedAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        }

        LogInstance(logger, instance.Id, options.Value.Provider);
        if (!telegram.Value.Enabled)
        {
            LogTelegramOff(logger);
        }

        if (!discord.Value.Enabled)
        {
            LogDiscordOff(logger);
        }
    }

    private async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await knowledge.InitializeAsync(cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow().UtcDateTime;
        var feeds = sources.Load();
        await services.GetRequiredService<FeedStore>().SyncAsync(feeds, now, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<ChannelStore>()
            .EnsureAsync(ConsolePlatform.PlatformName, ConsolePlatform.ChannelId, "Console", subscribeToEverything: true, now, cancellationToken)
            .ConfigureAwait(false);
        LogReady(logger, feeds.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram is off: set Radar__Telegram__Token (environment or user secrets) to turn it on")]
    private static partial void LogTelegramOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord is off: set Radar__Discord__Token (environment or user secrets) to turn it on")]
    private static partial void LogDiscordOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} ready on {Provider}")]
    private static partial void LogInstance(ILogger logger, string instance, StorageProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Feeds} feeds configured")]
    private static partial void LogReady(ILogger logger, int feeds);
}
