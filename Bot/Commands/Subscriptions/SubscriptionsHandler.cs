using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Subscriptions;

/// <summary><c>/subscriptions</c>: this channel's subscriptions with their ids.</summary>
public sealed class SubscriptionsHandler(ChannelContext context, SubscriptionStore subscriptions, KnowledgeProvider knowledge) : ICommandHandler
{
    public string Name => "subscriptions";

    public string Help => "/subscriptions — this channel's subscriptions";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        var list = await subscriptions.ListAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var names = knowledge.Current.Knowledge;
        var lines = list.Select(s => $"#{s.Id.ToString(CultureInfo.InvariantCulture)} {SubscriptionStore.Filter(s).Describe(id => names.Get(id)?.Name ?? id)} · {s.Mode.ToString().ToLowerInvariant()}").ToList();
        if (!channel.Active)
        {
            lines.Add($"This channel is inactive ({channel.InactiveReason}); /subscribe reactivates it.");
        }

        return new Reply(list.Count == 0 ? "No subscriptions here yet" : $"{list.Count} subscriptions · alerts in {channel.Language}", lines.Count == 0 ? ["Try /subscribe topic:talent org:Meta"] : lines);
    }
}
