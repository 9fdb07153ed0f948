using Microsoft.Extensions.Options;

namespace Radar.Bot.Papers;

/// <summary>The ranges <see cref="PapersOptions"/> declares, checked by the source-generated validator.</summary>
[OptionsValidator]
public sealed partial class PapersRangesValidator : IValidateOptions<PapersOptions>;
