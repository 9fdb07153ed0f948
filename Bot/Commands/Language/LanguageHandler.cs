using Radar.Bot.Chat;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Language;

/// <summary><c>/language &lt;en|ar|fr&gt;</c>: how alerts are rendered in this channel.</summary>
public sealed class LanguageHandler(ChannelContext context, ChannelStore channels) : ICommandHandler
{
    public string Name => "language";

    public string Help => "/language <en|ar|fr> — the language of this channel's alerts";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = (request.Options.GetValueOrDefault("lang") ?? (request.Arguments.Count > 0 ? request.Arguments[0] : null))?.ToLowerInvariant();
        if (language is not ("en" or "ar" or "fr"))
        {
            return Reply.Error("Choose en, ar or fr: /language ar");
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        await channels.SetLanguageAsync(channel.Id, language, cancellationToken).ConfigureAwait(false);
        return new Reply(language switch { "ar" => "ستصل التنبيهات بالعربية.", "fr" => "Les alertes arriveront en français.", _ => "Alerts will arrive in English." }, []);
    }
}
