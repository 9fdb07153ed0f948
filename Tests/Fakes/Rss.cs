using System.Globalization;
using System.Security;

namespace Radar.Tests.Fakes;

/// <summary>Builds small RSS 2.0 documents for tests.</summary>
public static class Rss
{
    public sealed record Item(string Title, string Link, string Id, DateTimeOffset Published, string Description = "");

    public static string Document(params Item[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test feed</title><link>https://example.test/</link><description>Test</description>
        {string.Concat(items.Select(Render))}
        </channel></rss>
        """;

    private static string Render(Item item) =>
        $"""
        <item><title>{SecurityElement.Escape(item.Title)}</title><link>{SecurityElement.Escape(item.Link)}</link>
        <guid isPermaLink="false">{SecurityElement.Escape(item.Id)}</guid>
        <pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
        <description>{SecurityElement.Escape(item.Description)}</description></item>
        """;
}
