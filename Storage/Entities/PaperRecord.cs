namespace Radar.Storage.Entities;

/// <summary>
/// A paper an arXiv listing announced, waiting for (or done with) its authors' affiliations: each
/// arXiv id once, whatever the number of listings that carried it.
/// </summary>
public sealed class PaperRecord
{
    /// <summary>"2612.01234", without version.</summary>
    public required string ArxivId { get; set; }

    public required string Title { get; set; }

    /// <summary>The authors as the listing names them, one per line.</summary>
    public string Authors { get; set; } = string.Empty;

    public DateTime AnnouncedAt { get; set; }

    public DateTime ListedAt { get; set; }

    public PaperState State { get; set; }

    /// <summary>When to look the paper up next (while <see cref="PaperState.Pending"/>).</summary>
    public DateTime NextLookupAt { get; set; }

    public int Lookups { get; set; }

    /// <summary>Why the last look-up did not finish, for operators.</summary>
    public string? LastError { get; set; }

    public DateTime? DoneAt { get; set; }
}
