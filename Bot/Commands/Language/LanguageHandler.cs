using Radar.Bot.Chat;
using Radar.Feeds.Text;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Language;

/// <summary><c>/language &lt;en|ar|fr&gt;</c>: how alerts are rendered in this channel.</summary>
public sealed class LanguageHandler(ChannelContext context, ChannelStore channels) : ICommandHandler
{
    public string Name => "language";

    public string Help => $"/language <{ReaderLanguage.Choices}> — the language of this channel's alerts";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = ReaderLanguage.Parse(request.Options.GetValueOrDefault("lang") ?? (request.Arguments.Count > 0 ? request.Arguments[0] : null));
        if (language is null)
        {
            return Reply.Error($"Choose {ReaderLanguage.Listed}: /language ar");
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        await channels.SetLanguageAsync(channel.Id, language, cancellationToken).ConfigureAwait(false);
        return new Reply(AlertWords.For(language).LanguageSet, []);
    }
}
