using Microsoft.Extensions.Options;

namespace Radar.Bot.Hosting;

/// <summary>
/// A section's validator whose failures name their full key: "Radar:Feeds:PollInterval: …" where the
/// validator says "PollInterval: …" (a failure that already starts with "Radar:" is kept as it is).
/// </summary>
internal sealed class SectionValidator<T>(string section, IValidateOptions<T> inner) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures!.Select(f => f.StartsWith("Radar:", StringComparison.Ordinal) ? f : section + ":" + f))
            : result;
    }
}
