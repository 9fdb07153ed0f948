using Radar.Bot.Chat;
using Radar.Bot.Commands.Latest;
using Radar.Bot.Knowledge;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Preview;

/// <summary><c>/preview</c>: the most recent story this channel's subscriptions would have matched, now.</summary>
public sealed class PreviewHandler(ChannelContext context, SubscriptionStore subscriptions, LastMatch lastMatch, KnowledgeProvider knowledge) : ICommandHandler
{
    public string Name => "preview";

    public string Help => "/preview — the latest story your subscriptions would have sent";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        var filters = (await subscriptions.ActiveFiltersAsync(cancellationToken).ConfigureAwait(false)).Where(f => f.ChannelId == channel.Id).ToList();
        if (filters.Count == 0)
        {
            return Reply.Error("This channel has no subscriptions yet: /subscribe topic:talent org:Meta");
        }

        if (await lastMatch.FindAsync(filters, channel.Language, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return new Reply("Preview: " + found.Headline, [LatestHandler.Line(found.Story), "Matched: " + found.Match.Describe(id => knowledge.Current.Knowledge.Get(id)?.Name ?? id)]);
        }

        return new Reply("Nothing yet", [$"None of the last {LastMatch.Lookback} stories matches this channel's subscriptions; alerts will come as news breaks."]);
    }
}
