using Microsoft.Extensions.Options;
using Radar.Feeds;

namespace Radar.Bot.Ingest;

/// <summary>Checks what annotations cannot: each source's URL and name, and that the OPML file exists.</summary>
public sealed class FeedSourcesValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Radar:Feeds:Sources:{i}:Url must be an absolute http(s) URL (got '{source.Url}').");
            }

            if (string.IsNullOrWhiteSpace(source.Name))
            {
                errors.Add($"Radar:Feeds:Sources:{i}:Name must not be empty.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Opml) && !File.Exists(options.Opml))
        {
            errors.Add($"Radar:Feeds:Opml names a file that does not exist: {Path.GetFullPath(options.Opml)}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
