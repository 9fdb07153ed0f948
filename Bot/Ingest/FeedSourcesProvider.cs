using Microsoft.Extensions.Options;
using Radar.Bot.Hosting;
using Radar.Feeds;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;

namespace Radar.Bot.Ingest;

/// <summary>The configured feeds: the OPML file's when <c>Radar:Feeds:Opml</c> is set, else <c>Radar:Feeds:Sources</c>.</summary>
public sealed class FeedSourcesProvider(IOptions<FeedsOptions> options)
{
    public IReadOnlyList<FeedSource> Load()
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Opml))
        {
            return [.. settings.Sources];
        }

        try
        {
            using var file = File.OpenRead(settings.Opml);
            return OpmlReader.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            throw new StartupException($"Radar:Feeds:Opml: cannot read {Path.GetFullPath(settings.Opml)}: {e.Message}", ExitCodes.BadConfiguration);
        }
    }
}
