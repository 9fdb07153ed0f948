namespace Radar.Feeds.Papers;

/// <summary>A paper with its authors' affiliations: the arXiv id, title, publication date (yyyy-MM-dd) and authorships.</summary>
public sealed record PaperWork(string ArxivId, string Title, string Date, IReadOnlyList<PaperAuthor> Authors)
{
    public string Link => PaperReader.Link(ArxivId);
}
