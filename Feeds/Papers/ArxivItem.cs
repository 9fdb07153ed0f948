namespace Radar.Feeds.Papers;

/// <summary>One new paper of an arXiv listing: its id without version ("2612.01234"), title, authors as listed, and when it was announced.</summary>
public sealed record ArxivItem(string Id, string Title, IReadOnlyList<string> Authors, DateTimeOffset Announced)
{
    /// <summary>The paper's page.</summary>
    public string Link => PaperReader.Link(Id);
}
