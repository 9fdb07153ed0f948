namespace Radar.Storage.Entities;

/// <summary>
/// A new paper in a known person's paper trail: the organisations it lists them at (one, or several
/// for a joint affiliation), its date, and the ORCID iD it gave them (how later papers recognise them
/// under another display name).
/// </summary>
public sealed class PaperAppearanceRecord
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public required string ArxivId { get; set; }

    /// <summary>The organisations' ids, one per line.</summary>
    public required string OrgIds { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public required string Date { get; set; }

    public string? Orcid { get; set; }

    public DateTime CreatedAt { get; set; }
}
