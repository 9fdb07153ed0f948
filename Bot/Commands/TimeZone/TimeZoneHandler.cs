using Radar.Bot.Chat;
using Radar.Bot.Ingest;
using Radar.Feeds.Matching;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.TimeZone;

/// <summary><c>/timezone &lt;IANA zone&gt;</c>: the local time of this channel's digests and quiet hours.</summary>
public sealed class TimeZoneHandler(ChannelContext context, ChannelStore channels, SubscriptionIndexProvider index) : ICommandHandler
{
    public string Name => "timezone";

    public string Help => "/timezone <zone> — local time for digests and quiet hours, e.g. /timezone Europe/Paris";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zone = request.Arguments.Count > 0 ? request.Arguments[0] : null;
        if (zone is null || DeliverySchedule.FindTimeZone(zone) is null)
        {
            return Reply.Error("Give an IANA time zone such as Europe/Paris, Asia/Riyadh or America/New_York.");
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        await channels.SetTimeZoneAsync(channel.Id, zone, cancellationToken).ConfigureAwait(false);
        await index.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return new Reply($"Digests and quiet hours here now follow {zone}.", []);
    }
}
