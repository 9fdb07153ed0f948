using Microsoft.Extensions.Options;
using Radar.Bot.Commands;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Radar.Bot.Telegram;

/// <summary>At start: who the bot is, its command menus (everyone, and administrators), and polling or webhook.</summary>
public sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    TelegramIdentity identity,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    ILogger<TelegramStartup> logger) : IHostedService
{
    public const string WebhookPath = "/telegram/webhook";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken).ConfigureAwait(false);
        identity.Username = me.Username;
        List<ICommandHandler> handlers;
        await using (var scope = scopes.CreateAsyncScope())
        {
            handlers = [.. scope.ServiceProvider.GetServices<ICommandHandler>()];
        }

        BotCommand Command(ICommandHandler h) => new(h.Name, Describe(h.Help));
        await bot.SetMyCommands([.. handlers.Select(Command)], BotCommandScope.Default(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await bot.SetMyCommands([.. handlers.Where(h => !h.ChangesChannel).Select(Command)], BotCommandScope.AllGroupChats(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await bot.SetMyCommands([.. handlers.Select(Command)], BotCommandScope.AllChatAdministrators(), cancellationToken: cancellationToken).ConfigureAwait(false);

        var settings = options.Value;
        if (settings.Mode == TelegramMode.Webhook)
        {
            await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: [UpdateType.Message, UpdateType.ChannelPost, UpdateType.MyChatMember], secretToken: settings.WebhookSecret, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await bot.DeleteWebhook(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        LogStarted(logger, me.Username ?? "?", settings.Mode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The help line without its usage: "/whois &lt;name&gt; — a person's path" → "a person's path".</summary>
    private static string Describe(string help)
    {
        var dash = help.IndexOf(" — ", StringComparison.Ordinal);
        var text = dash < 0 ? help : help[(dash + 3)..];
        return text.Length > 256 ? text[..256] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram platform on as @{Username} ({Mode})")]
    private static partial void LogStarted(ILogger logger, string username, TelegramMode mode);
}
