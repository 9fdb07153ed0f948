using Microsoft.Extensions.Options;
using Radar.Bot.ConsoleChat;
using Radar.Bot.Delivery;
using Radar.Bot.Discord;
using Radar.Bot.Telegram;
using Radar.Feeds;
using Radar.Feeds.Summaries;
using Radar.Storage;

namespace Radar.Bot.Hosting;

[OptionsValidator]
public sealed partial class FeedsOptionsValidator : IValidateOptions<FeedsOptions>;

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

[OptionsValidator]
public sealed partial class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>;

[OptionsValidator]
public sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;

[OptionsValidator]
public sealed partial class LlmOptionsValidator : IValidateOptions<LlmOptions>;

[OptionsValidator]
public sealed partial class PlatformRateLimitValidator : IValidateOptions<PlatformRateLimit>;

[OptionsValidator]
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>;

[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
