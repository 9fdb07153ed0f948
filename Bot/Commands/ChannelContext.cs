using Radar.Bot.Chat;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands;

/// <summary>The channel a command was typed in, created on first sight.</summary>
public sealed class ChannelContext(ChannelStore channels, TimeProvider time)
{
    public const string ManageOnly = "Only members who can manage this channel can change its subscriptions, language or digests.";

    public async Task<ChannelRecord> GetAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await channels.EnsureAsync(request.Platform, request.ChannelExternalId, request.ChannelExternalId, subscribeToEverything: false, time.GetUtcNow().UtcDateTime, cancellationToken, request.ThreadId)
            .ConfigureAwait(false);
        return (await channels.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }
}
