using Microsoft.Extensions.Options;

namespace Radar.Bot.Papers;

/// <summary>Listing and OpenAlex addresses must be absolute http(s) URLs; the key is never echoed.</summary>
public sealed class PapersOptionsValidator : IValidateOptions<PapersOptions>
{
    public ValidateOptionsResult Validate(string? name, PapersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (feed, index) in options.Feeds.Select((f, i) => (f, i)).Where(p => !string.IsNullOrWhiteSpace(p.f) && !IsHttp(p.f)))
        {
            failures.Add($"{PapersOptions.Section}:Feeds:{index}: '{feed}' is not an absolute http(s) URL.");
        }

        if (!IsHttp(options.OpenAlexUrl))
        {
            failures.Add($"{PapersOptions.Section}:OpenAlexUrl: '{options.OpenAlexUrl}' is not an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(string? url) => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
