using Microsoft.Extensions.Options;
using Radar.Storage;

namespace Radar.Bot.Hosting;

/// <summary>Checks <see cref="StorageOptions"/>'s annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
