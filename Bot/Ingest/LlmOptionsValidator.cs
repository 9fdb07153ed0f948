using Microsoft.Extensions.Options;
using Radar.Feeds.Summaries;

namespace Radar.Bot.Ingest;

/// <summary>Checks <see cref="LlmOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class LlmOptionsValidator : IValidateOptions<LlmOptions>;
