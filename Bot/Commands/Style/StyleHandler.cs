using Radar.Bot.Chat;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Style;

/// <summary><c>/style &lt;full|compact|headline&gt;</c>: how much of a story this channel's alerts show.</summary>
public sealed class StyleHandler(ChannelContext context, ChannelStore channels) : ICommandHandler
{
    public string Name => "style";

    public string Help => "/style <full|compact|headline> — how much of a story this channel's alerts show";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Options.GetValueOrDefault("style") ?? (request.Arguments.Count > 0 ? request.Arguments[0] : null);
        if (!Enum.TryParse<AlertStyle>(given, ignoreCase: true, out var style) || !Enum.IsDefined(style) || given!.All(char.IsAsciiDigit))
        {
            return Reply.Error("Choose full, compact or headline: /style compact");
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        await channels.SetStyleAsync(channel.Id, style, cancellationToken).ConfigureAwait(false);
        return new Reply($"Alerts here are now {style.ToString().ToLowerInvariant()}.", [style switch
        {
            AlertStyle.Compact => "The headline, one line of summary and one link.",
            AlertStyle.Headline => "The headline and its link.",
            _ => "The headline, the report's title, its summary, who and what it names, its sources and why it matched.",
        }]);
    }
}
