using Radar.Bot.Chat;
using Radar.Bot.ConsoleChat;

namespace Radar.Bot.Commands;

/// <summary>
/// The bot's owners: the user ids in <c>Radar:Owners</c> ("telegram:123", "discord:456", or a bare
/// id), plus whoever types at the console, who owns the process anyway.
/// </summary>
public sealed class Owners(IConfiguration configuration)
{
    private readonly HashSet<string> _ids = [.. configuration.GetSection("Radar:Owners").Get<string[]>() ?? []];

    public bool Contains(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Platform == ConsolePlatform.PlatformName || _ids.Contains(request.UserId) || _ids.Contains(request.Platform + ":" + request.UserId);
    }
}
