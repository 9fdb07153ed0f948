using Microsoft.Extensions.Options;

namespace Radar.Bot.ConsoleChat;

/// <summary>Checks <see cref="ConsoleOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>;
