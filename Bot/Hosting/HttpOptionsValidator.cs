using Microsoft.Extensions.Options;

namespace Radar.Bot.Hosting;

/// <summary>Checks <see cref="HttpOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class HttpOptionsValidator : IValidateOptions<HttpOptions>;
