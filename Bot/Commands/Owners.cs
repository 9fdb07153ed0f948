using Radar.Bot.Chat;
using Radar.Bot.ConsoleChat;

namespace Radar.Bot.Commands;

/// <summary>
/// The bot's owners: the user ids in <c>Radar:Owners</c> ("telegram:123", "discord:456", or a bare
/// id), plus whoever types at the console, who owns the process anyway.
/// </summary>
public sealed class Owners(IConfiguration configuration)
{
    private readonly string[] _entries = configuration.GetSection("Radar:Owners").Get<string[]>() ?? [];

    private HashSet<string> Ids => field ??= [.. _entries];

    public bool Contains(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Platform == ConsolePlatform.PlatformName || Ids.Contains(request.UserId) || Ids.Contains(request.Platform + ":" + request.UserId);
    }

    /// <summary>
    /// Where the owners can be written to: the console, and each owner named with a platform
    /// ("telegram:123", "discord:456"). A bare id names no platform, so no message can reach it.
    /// </summary>
    public IReadOnlyList<(string Platform, string UserId)> Reachable =>
    [
        (ConsolePlatform.PlatformName, ConsolePlatform.ChannelId),
        .. _entries.Select(e => e.Split(':', 2)).Where(p => p.Length == 2 && p[0].Length > 0 && p[1].Length > 0).Select(p => (p[0].ToLowerInvariant(), p[1])),
    ];
}
