using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Ingest;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Unsubscribe;

/// <summary><c>/unsubscribe &lt;id|all&gt;</c>.</summary>
public sealed class UnsubscribeHandler(ChannelContext context, SubscriptionStore subscriptions, SubscriptionIndexProvider index) : ICommandHandler
{
    public string Name => "unsubscribe";

    public string Help => "/unsubscribe <id|all> — stop a subscription of this channel";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Options.GetValueOrDefault("id") ?? (request.Arguments.Count > 0 ? request.Arguments[0].TrimStart('#') : null);
        long? id = null;
        if (target is not "all")
        {
            if (!long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Reply.Error("Say which: /unsubscribe <id> (see /subscriptions) or /unsubscribe all.");
            }

            id = parsed;
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        var removed = await subscriptions.RemoveAsync(channel.Id, id, cancellationToken).ConfigureAwait(false);
        await index.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return removed == 0
            ? Reply.Error(id is null ? "This channel has no subscriptions." : $"This channel has no subscription #{id}. See /subscriptions.")
            : new Reply(removed == 1 ? "Unsubscribed." : $"Unsubscribed from {removed} subscriptions.", []);
    }
}
