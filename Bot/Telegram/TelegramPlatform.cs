using System.Globalization;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Storage.Stores;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Radar.Bot.Telegram;

/// <summary>
/// Sends and edits alerts in Telegram chats and forum topics, and turns Telegram's answers into
/// the delivery engine's outcomes: 429 waits its retry_after; blocked, kicked and unknown chats are
/// permanent; a group upgraded to a supergroup moves the channel to the new id and is sent again.
/// </summary>
public sealed partial class TelegramPlatform(ITelegramBotClient bot, IOptions<TelegramOptions> options, IServiceScopeFactory scopes, ILogger<TelegramPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "telegram";

    public string Name => PlatformName;

    public Task<SendResult> SendAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return CallAsync(alert.ChannelExternalId, async chat =>
        {
            var message = await bot.SendMessage(
                chatId: chat,
                text: TelegramFormatter.Alert(alert),
                parseMode: ParseMode.Html,
                linkPreviewOptions: Preview(alert),
                messageThreadId: int.TryParse(alert.ChannelThreadId, CultureInfo.InvariantCulture, out var thread) ? thread : null,
                disableNotification: alert.Silent,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(message.Id.ToString(CultureInfo.InvariantCulture));
        });
    }

    public Task<SendResult> EditAlertAsync(string messageId, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return CallAsync(alert.ChannelExternalId, async chat =>
        {
            await bot.EditMessageText(
                chatId: chat,
                messageId: int.Parse(messageId, CultureInfo.InvariantCulture),
                text: TelegramFormatter.Alert(alert),
                parseMode: ParseMode.Html,
                linkPreviewOptions: Preview(alert),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(messageId);
        });
    }

    /// <summary>A private chat's id is its user's id.</summary>
    public Task<SendResult> NotifyUserAsync(string userId, string text, CancellationToken cancellationToken) =>
        CallAsync(userId, async chat =>
        {
            await bot.SendMessage(chat, TelegramFormatter.Escape(text), ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(null);
        });

    /// <summary>Sends a command's reply to the chat (and topic) the command came from.</summary>
    public async Task ReplyAsync(long chatId, int? threadId, Reply reply, CancellationToken cancellationToken) =>
        await CallAsync(chatId.ToString(CultureInfo.InvariantCulture), async chat =>
        {
            if (reply.Image is { } image)
            {
                // A chart: sendPhoto (multipart) with the reply as its HTML caption, within Telegram's 1,024 characters.
                using var png = new MemoryStream(image.Png, writable: false);
                await bot.SendPhoto(chat, InputFile.FromStream(png, image.FileName), TelegramFormatter.Caption(reply), ParseMode.Html, messageThreadId: threadId, cancellationToken: cancellationToken).ConfigureAwait(false);
                return SendResult.Sent(null);
            }

            await bot.SendMessage(chat, TelegramFormatter.Reply(reply), ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, messageThreadId: threadId, cancellationToken: cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(null);
        }).ConfigureAwait(false);

    private LinkPreviewOptions Preview(Alert alert) =>
        options.Value.LinkPreviews && alert.Link is not null ? new LinkPreviewOptions { Url = alert.Link } : new LinkPreviewOptions { IsDisabled = true };

    private async Task<SendResult> CallAsync(string chatId, Func<long, Task<SendResult>> call, bool migrated = false)
    {
        try
        {
            return await call(long.Parse(chatId, CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is { } newChat && !migrated)
        {
            // The group became a supergroup: the channel moves to the new id and the message goes there now.
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ChannelStore>()
                    .MoveAsync(PlatformName, chatId, newChat.ToString(CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
            }

            LogMigrated(logger, chatId, newChat);
            return await CallAsync(newChat.ToString(CultureInfo.InvariantCulture), call, migrated: true).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            return SendResult.Transient(e.Message, TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return SendResult.Sent(null);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
        {
            return SendResult.Permanent(e.Message);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 401)
        {
            LogUnauthorized(logger);
            return SendResult.Transient(e.Message, TimeSpan.FromMinutes(10));
        }
        catch (RequestException e)
        {
            return SendResult.Transient(e.Message); // 5xx, timeouts, broken answers: try again later
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {Chat} became supergroup {NewChat}; its channel moved")]
    private static partial void LogMigrated(ILogger logger, string chat, long newChat);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused the bot token (401): check Radar:Telegram:Token")]
    private static partial void LogUnauthorized(ILogger logger);
}
