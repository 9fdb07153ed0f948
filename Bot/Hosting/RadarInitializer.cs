using Microsoft.Extensions.Options;
using Radar.Bot.ConsoleChat;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;
using Radar.Bot.Telegram;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Hosting;

/// <summary>Before anything polls or listens: migrate the database, sync the feeds, create the console channel.</summary>
public sealed partial class RadarInitializer(
    IServiceScopeFactory scopes,
    FeedSourcesProvider sources,
    KnowledgeProvider knowledge,
    IOptions<TelegramOptions> telegram,
    IOptions<Discord.DiscordOptions> discord,
    TimeProvider time,
    ILogger<RadarInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RadarDbContext>();
        try
        {
            await DatabaseInitializer.MigrateAsync(db, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new StartupException(
                $"The database could not be prepared ({e.Message}). If it was made by an unreleased build, move it away; Radar:Storage:ConnectionString says where it is.",
                ExitCodes.DatabaseError);
        }

        await knowledge.InitializeAsync(cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow().UtcDateTime;
        var feeds = sources.Load();
        await scope.ServiceProvider.GetRequiredService<FeedStore>().SyncAsync(feeds, now, cancellationToken).ConfigureAwait(false);
        await scope.ServiceProvider.GetRequiredService<ChannelStore>()
            .EnsureAsync(ConsolePlatform.PlatformName, ConsolePlatform.ChannelId, "Console", subscribeToEverything: true, now, cancellationToken)
            .ConfigureAwait(false);
        LogReady(logger, feeds.Count);
        if (!telegram.Value.Enabled)
        {
            LogTelegramOff(logger);
        }

        if (!discord.Value.Enabled)
        {
            LogDiscordOff(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram is off: set Radar__Telegram__Token (environment or user secrets) to turn it on")]
    private static partial void LogTelegramOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord is off: set Radar__Discord__Token (environment or user secrets) to turn it on")]
    private static partial void LogDiscordOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; {Feeds} feeds configured")]
    private static partial void LogReady(ILogger logger, int feeds);
}
