using System.Globalization;
using System.Security;

namespace Radar.Tests.Fakes;

/// <summary>Builds arXiv listing feeds as rss.arxiv.org writes them (RSS 2.0, the arxiv and dc namespaces), for tests.</summary>
public static class Arxiv
{
    public sealed record Paper(string Id, string Title, string Authors, string AnnounceType = "new");

    public static string Listing(DateTimeOffset day, params Paper[] papers) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
          <channel>
            <title>cs.AI updates on arXiv.org</title>
            <link>http://rss.arxiv.org/rss/cs.AI</link>
            <description>cs.AI updates on the arXiv.org e-print archive.</description>
            <atom:link href="http://rss.arxiv.org/rss/cs.AI" rel="self" type="application/rss+xml"/>
            <docs>http://www.rssboard.org/rss-specification</docs>
            <language>en-us</language>
            <lastBuildDate>{day.ToString("r", CultureInfo.InvariantCulture)}</lastBuildDate>
            <managingEditor>rss-help@arxiv.org</managingEditor>
            <pubDate>{day.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
            <skipDays><day>Saturday</day><day>Sunday</day></skipDays>
        {string.Concat(papers.Select(p => Item(p, day)))}
          </channel>
        </rss>
        """;

    private static string Item(Paper paper, DateTimeOffset day) =>
        $"""
            <item>
              <title>{SecurityElement.Escape(paper.Title)}</title>
              <link>https://arxiv.org/abs/{paper.Id}</link>
              <description>arXiv:{paper.Id}v1 Announce Type: {paper.AnnounceType} 
        Abstract: {SecurityElement.Escape(paper.Title)} — we study it.</description>
              <guid isPermaLink="false">oai:arXiv.org:{paper.Id}v1</guid>
              <category>cs.AI</category>
              <pubDate>{day.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
              <arxiv:announce_type>{paper.AnnounceType}</arxiv:announce_type>
              <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
              <dc:creator>{SecurityElement.Escape(paper.Authors)}</dc:creator>
            </item>

        """;
}
