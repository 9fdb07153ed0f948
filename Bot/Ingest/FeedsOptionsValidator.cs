using Microsoft.Extensions.Options;
using Radar.Feeds;

namespace Radar.Bot.Ingest;

/// <summary>Checks <see cref="FeedsOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class FeedsOptionsValidator : IValidateOptions<FeedsOptions>;
