using Microsoft.Extensions.Options;

namespace Radar.Bot.Telegram;

/// <summary>Checks <see cref="TelegramOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>;
