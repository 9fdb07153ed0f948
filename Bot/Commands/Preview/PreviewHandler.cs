using Radar.Bot.Chat;
using Radar.Bot.Commands.Latest;
using Radar.Bot.Knowledge;
using Radar.Feeds.Analysis;
using Radar.Feeds.Matching;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Preview;

/// <summary><c>/preview</c>: the most recent story this channel's subscriptions would have matched, now.</summary>
public sealed class PreviewHandler(ChannelContext context, SubscriptionStore subscriptions, StoryStore stories, KnowledgeProvider knowledge) : ICommandHandler
{
    public const int Lookback = 200;

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

        var runtime = knowledge.Current;
        var index = new SubscriptionIndex(filters);
        foreach (var story in await stories.LatestAsync(Lookback, cancellationToken, onTopic: true).ConfigureAwait(false))
        {
            var extraction = AnalysisJson.Read(story.Analysis);
            if (extraction is null)
            {
                continue;
            }

            var match = index.Match(runtime.Facts(extraction, story.Title, story.Summary)).FirstOrDefault();
            if (match is not null)
            {
                var headline = runtime.Headline.Render(extraction.Events, channel.Language) ?? story.Title;
                return new Reply("Preview: " + headline, [LatestHandler.Line(story), "Matched: " + match.Describe(id => runtime.Knowledge.Get(id)?.Name ?? id)]);
            }
        }

        return new Reply("Nothing yet", [$"None of the last {Lookback} stories matches this channel's subscriptions; alerts will come as news breaks."]);
    }
}
