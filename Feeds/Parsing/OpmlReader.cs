using System.Xml;
using Radar.Feeds.Model;

namespace Radar.Feeds.Parsing;

/// <summary>Reads the feeds of an OPML file, the format every feed reader exports.</summary>
public static class OpmlReader
{
    /// <summary>Every outline with an <c>xmlUrl</c>, at any depth; throws <see cref="XmlException"/> for a broken file.</summary>
    public static IReadOnlyList<FeedSource> Read(Stream opml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(opml, settings);
        var sources = new List<FeedSource>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "outline")
            {
                continue;
            }

            var url = reader.GetAttribute("xmlUrl")?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                continue;
            }

            var name = reader.GetAttribute("title") ?? reader.GetAttribute("text") ?? url;
            var language = reader.GetAttribute("language");
            var official = reader.GetAttribute("official");
            sources.Add(new FeedSource(name.Trim(), url, string.IsNullOrWhiteSpace(language) ? null : language.Trim(), string.IsNullOrWhiteSpace(official) ? null : official.Trim()));
        }

        return sources;
    }

    /// <summary>Writes the sources as an OPML 2.0 document.</summary>
    public static string Write(IEnumerable<FeedSource> sources, string title)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            writer.WriteStartElement("opml");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("head");
            writer.WriteElementString("title", title);
            writer.WriteEndElement();
            writer.WriteStartElement("body");
            foreach (var source in sources)
            {
                writer.WriteStartElement("outline");
                writer.WriteAttributeString("type", "rss");
                writer.WriteAttributeString("text", source.Name);
                writer.WriteAttributeString("title", source.Name);
                writer.WriteAttributeString("xmlUrl", source.Url);
                if (source.Language is not null)
                {
                    writer.WriteAttributeString("language", source.Language);
                }

                if (source.Official is not null)
                {
                    writer.WriteAttributeString("official", source.Official); // Radar's own attribute: the organisation the feed speaks for
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
