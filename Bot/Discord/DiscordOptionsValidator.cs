using Microsoft.Extensions.Options;

namespace Radar.Bot.Discord;

/// <summary>Checks <see cref="DiscordOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
