using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Radar.Bot.Cluster;
using Radar.Bot.Commands;
using Radar.Bot.Discord.Gateway;
using Radar.Bot.Discord.Rest;
using Radar.Storage.Stores;

namespace Radar.Bot.Discord;

/// <summary>
/// Runs the Discord platform: the gateway connection, the command set registered by bulk overwrite
/// when it differs from what Discord has (on the dev guild when one is set), interactions answered
/// through the REST callback, deleted channels deactivated. A fatal gateway close stops Discord
/// only; the rest of the bot keeps running. Among instances sharing a database, one holds each
/// shard's gateway connection (the lease <c>discord:gateway:&lt;shard&gt;</c>) and registers the
/// commands; the others stand by and take over when its lease runs out.
/// </summary>
public sealed partial class DiscordService(
    DiscordRestClient rest,
    DiscordInteractionHandler interactions,
    IServiceScopeFactory scopes,
    IOptions<DiscordOptions> options,
    LeaseManager leases,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<DiscordService> logger) : BackgroundService
{
    public static string LeaseName(int? shard) => "discord:gateway:" + (shard ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = leases.Get(LeaseName(options.Value.ShardId));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await lease.WhenHeldAsync(stoppingToken).ConfigureAwait(false);
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
                if (!await RunGatewayAsync(held.Token).ConfigureAwait(false))
                {
                    return;
                }

                LogStandingBy(logger); // the lease went to another instance: wait to get it back
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the connection until <paramref name="cancellationToken"/>; false when Discord must stop (a fatal close, a failed start).</summary>
    private async Task<bool> RunGatewayAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var url = settings.GatewayUrl ?? (await rest.SendAsync<JsonObject>(HttpMethod.Get, "/gateway/bot", "-", "/gateway/bot", null, cancellationToken).ConfigureAwait(false))["url"]!.GetValue<string>();
            using var gateway = new DiscordGateway(settings.Token!, (name, data) => OnDispatchAsync(name, data, cancellationToken), time, loggers.CreateLogger<DiscordGateway>())
            {
                Shard = settings.ShardId is { } shard && settings.ShardCount is { } count ? (shard, count) : null,
            };
            await gateway.RunAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DiscordGatewayException)
        {
            return false; // logged by the gateway; Discord stops here and nothing else does
        }
        catch (Exception e) when (e is Rest.DiscordApiException or HttpRequestException)
        {
            LogStartFailed(logger, e.Message);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task OnDispatchAsync(string name, JsonElement data, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "READY":
                await RegisterCommandsAsync(data.GetProperty("application").GetProperty("id").GetString()!, cancellationToken).ConfigureAwait(false);
                break;
            case "INTERACTION_CREATE":
                _ = AnswerAsync(data.Clone(), cancellationToken); // never hold the gateway's receive loop
                break;
            case "CHANNEL_DELETE":
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var channels = scope.ServiceProvider.GetRequiredService<ChannelStore>();
                    if (await channels.FindAsync(DiscordPlatform.PlatformName, data.GetProperty("id").GetString()!, cancellationToken).ConfigureAwait(false) is { } channel)
                    {
                        await channels.DeactivateAsync(channel.Id, "channel deleted", cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
        }
    }

    private async Task RegisterCommandsAsync(string application, CancellationToken cancellationToken)
    {
        JsonArray wanted;
        await using (var scope = scopes.CreateAsyncScope())
        {
            wanted = DiscordCommands.Build(scope.ServiceProvider.GetServices<ICommandHandler>());
        }

        var path = options.Value.DevGuildId is { } guild ? $"/applications/{application}/guilds/{guild}/commands" : $"/applications/{application}/commands";
        var route = options.Value.DevGuildId is null ? "/applications/{app}/commands" : "/applications/{app}/guilds/{guild}/commands";
        var existing = await rest.SendAsync<JsonArray>(HttpMethod.Get, route, application, path, null, cancellationToken).ConfigureAwait(false);
        if (Signature(existing) == Signature(wanted))
        {
            LogCommandsUnchanged(logger);
            return;
        }

        await rest.SendAsync<JsonArray>(HttpMethod.Put, route, application, path, wanted, cancellationToken).ConfigureAwait(false);
        LogCommandsRegistered(logger, wanted.Count);
    }

    /// <summary>What matters of a command set for "did it change": names, descriptions, options, permissions.</summary>
    private static string Signature(JsonArray commands) =>
        string.Join('\n', commands.Select(c => c!.AsObject()).OrderBy(c => c["name"]!.GetValue<string>(), StringComparer.Ordinal).Select(c => new JsonObject
        {
            ["name"] = c["name"]?.DeepClone(),
            ["description"] = c["description"]?.DeepClone(),
            ["options"] = c["options"]?.DeepClone() ?? new JsonArray(),
            ["default_member_permissions"] = c["default_member_permissions"]?.DeepClone(),
        }.ToJsonString()));

    private async Task AnswerAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        try
        {
            var id = interaction.GetProperty("id").GetString()!;
            var token = interaction.GetProperty("token").GetString()!;
            var application = interaction.GetProperty("application_id").GetString()!;
            var (callback, later) = await interactions.HandleAsync(interaction, cancellationToken).ConfigureAwait(false);
            await rest.SendAsync<JsonElement?>(HttpMethod.Post, "/interactions/{id}/{token}/callback", id, $"/interactions/{id}/{token}/callback", callback, cancellationToken).ConfigureAwait(false);
            if (later is not null)
            {
                var reply = await later.ConfigureAwait(false);
                await rest.EditOriginalResponseAsync(application, token, DiscordInteractionHandler.ReplyData(reply), cancellationToken, reply.Image).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is Rest.DiscordApiException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogAnswerFailed(logger, e.Message); // fire-and-forget: a malformed interaction is logged, not lost silently
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway handed over to another instance; standing by")]
    private static partial void LogStandingBy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands are up to date")]
    private static partial void LogCommandsUnchanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands registered ({Count})")]
    private static partial void LogCommandsRegistered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Discord interaction could not be answered: {Reason}")]
    private static partial void LogAnswerFailed(ILogger logger, string reason);
}
