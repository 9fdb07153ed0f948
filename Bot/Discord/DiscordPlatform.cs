using System.Net;
using Radar.Bot.Chat;
using Radar.Bot.Discord.Models;
using Radar.Bot.Discord.Rest;

namespace Radar.Bot.Discord;

/// <summary>
/// Posts and edits alerts in Discord channels and threads through <see cref="DiscordRestClient"/>,
/// and classifies Discord's errors for the delivery engine: Unknown Channel (10003), Missing Access
/// (50001), Missing Permissions (50013), other 403 and 404 are permanent for the channel; 429 waits
/// its retry_after; 5xx and timeouts are retried.
/// </summary>
public sealed partial class DiscordPlatform(DiscordRestClient rest, ILogger<DiscordPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "discord";

    private static readonly int[] ChannelGone = [10003, 10004, 50001, 50008, 50013];
    private static readonly int[] BadToken = [40001, 50014];

    public string Name => PlatformName;

    public Task<SendResult> SendAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var channel = Target(alert);
        return CallAsync(async () =>
        {
            var message = await rest.SendAsync<DiscordMessage>(HttpMethod.Post, "/channels/{id}/messages", channel, $"/channels/{channel}/messages", DiscordFormatter.Alert(alert), cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(message.Id);
        });
    }

    public Task<SendResult> EditAlertAsync(string messageId, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var channel = Target(alert);
        var body = DiscordFormatter.Alert(alert) with { Nonce = null, EnforceNonce = false, Flags = 0 };
        return CallAsync(async () =>
        {
            await rest.SendAsync<DiscordMessage>(HttpMethod.Patch, "/channels/{id}/messages/{message}", channel, $"/channels/{channel}/messages/{messageId}", body, cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(messageId);
        });
    }

    /// <summary>A direct message: the DM channel with the user is opened (or found) first, then written to, with no mention allowed.</summary>
    public Task<SendResult> NotifyUserAsync(string userId, string text, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var dm = await rest.SendAsync<DiscordChannel>(HttpMethod.Post, "/users/@me/channels", "@me", "/users/@me/channels", new DiscordDirectMessageCreate(userId), cancellationToken).ConfigureAwait(false);
            var body = new DiscordMessageCreate { Content = DiscordFormatter.Cut(text, DiscordFormatter.ContentLimit) };
            var message = await rest.SendAsync<DiscordMessage>(HttpMethod.Post, "/channels/{id}/messages", dm.Id, $"/channels/{dm.Id}/messages", body, cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(message.Id);
        });

    /// <summary>A thread is a channel of its own on Discord: alerts for a thread go to the thread's id.</summary>
    private static string Target(Alert alert) => string.IsNullOrEmpty(alert.ChannelThreadId) ? alert.ChannelExternalId : alert.ChannelThreadId;

    private async Task<SendResult> CallAsync(Func<Task<SendResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Status == HttpStatusCode.TooManyRequests)
        {
            return SendResult.Transient(e.Message, e.RetryAfter);
        }
        catch (DiscordApiException e) when (e.Status == HttpStatusCode.Unauthorized || BadToken.Contains(e.Code))
        {
            LogBadToken(logger);
            return SendResult.Transient(e.Message, TimeSpan.FromMinutes(10));
        }
        catch (DiscordApiException e) when (ChannelGone.Contains(e.Code) || e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return SendResult.Permanent(e.Message);
        }
        catch (DiscordApiException e)
        {
            return SendResult.Transient(e.Message); // 5xx, and 50035 (our bug: logged by the dispatcher, retried a bounded number of times)
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused the bot token: check Radar:Discord:Token")]
    private static partial void LogBadToken(ILogger logger);
}
