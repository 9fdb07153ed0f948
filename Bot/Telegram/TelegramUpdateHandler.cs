using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Radar.Bot.Chat;
using Radar.Bot.Commands;
using Radar.Storage.Stores;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Radar.Bot.Telegram;

/// <summary>
/// One Telegram update: a command becomes a <see cref="CommandRequest"/> (with <c>/cmd@ThisBot</c>
/// honoured and <c>/cmd@OtherBot</c> ignored, administrators checked with getChatMember, cached
/// briefly) and its reply goes back to the chat; the bot being removed or blocked deactivates the
/// channel, being added greets with /help.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    TelegramPlatform platform,
    TelegramIdentity identity,
    CommandDispatcher commands,
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    public static readonly TimeSpan AdminCacheTime = TimeSpan.FromMinutes(2);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.MyChatMember is { } membership)
        {
            await MembershipAsync(membership, cancellationToken).ConfigureAwait(false);
            return;
        }

        var message = update.Message ?? update.ChannelPost;
        if (message?.Text is not { } text || !text.StartsWith('/'))
        {
            return;
        }

        var first = text.Split(' ', 2)[0];
        var at = first.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !string.Equals(first[(at + 1)..], identity.Username, StringComparison.OrdinalIgnoreCase))
        {
            return; // addressed to another bot
        }

        var chat = message.Chat.Id;
        var canManage = await CanManageAsync(message, cancellationToken).ConfigureAwait(false);
        var user = message.From?.Id.ToString(CultureInfo.InvariantCulture) ?? chat.ToString(CultureInfo.InvariantCulture);
        var topic = message.IsTopicMessage ? message.MessageThreadId : null; // a forum topic is its own channel: alerts go where /subscribe was typed
        var (request, error) = CommandText.Parse(text, TelegramPlatform.PlatformName, chat.ToString(CultureInfo.InvariantCulture), user, canManage);
        var reply = request is null
            ? Reply.Error(error!)
            : await commands.DispatchAsync(request with { ThreadId = topic?.ToString(CultureInfo.InvariantCulture) ?? string.Empty }, cancellationToken).ConfigureAwait(false);
        await platform.ReplyAsync(chat, topic, reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> CanManageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type is ChatType.Private or ChatType.Channel || message.SenderChat?.Id == message.Chat.Id || message.From is null)
        {
            return true; // one's own chat, channel posts (admins only), anonymous group admins
        }

        var key = ("telegram-admin", message.Chat.Id, message.From.Id);
        if (cache.TryGetValue(key, out bool admin))
        {
            return admin;
        }

        admin = (await bot.GetChatMember(message.Chat.Id, message.From.Id, cancellationToken).ConfigureAwait(false)).IsAdmin;
        cache.Set(key, admin, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = AdminCacheTime, Size = 1 });
        return admin;
    }

    private async Task MembershipAsync(ChatMemberUpdated membership, CancellationToken cancellationToken)
    {
        var chat = membership.Chat.Id.ToString(CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateAsyncScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelStore>();
        if (membership.NewChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked)
        {
            if (await channels.FindAsync(TelegramPlatform.PlatformName, chat, cancellationToken).ConfigureAwait(false) is { } gone &&
                await channels.DeactivateAsync(gone.Id, $"bot {membership.NewChatMember.Status.ToString().ToLowerInvariant()}", cancellationToken).ConfigureAwait(false))
            {
                LogRemoved(logger, chat);
            }

            return;
        }

        if (membership.OldChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked)
        {
            var id = await channels.EnsureAsync(TelegramPlatform.PlatformName, chat, membership.Chat.Title ?? chat, subscribeToEverything: false, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            await channels.ReactivateAsync(id, cancellationToken).ConfigureAwait(false);
            var help = await commands.DispatchAsync(new CommandRequest(TelegramPlatform.PlatformName, chat, "telegram", false, "help", [], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
            await platform.ReplyAsync(membership.Chat.Id, null, help, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {Chat} removed or blocked the bot; its channel is inactive, subscriptions kept")]
    private static partial void LogRemoved(ILogger logger, string chat);
}
