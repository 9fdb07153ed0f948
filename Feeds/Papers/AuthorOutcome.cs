namespace Radar.Feeds.Papers;

/// <summary>What one author line of a new paper says about a person Radar knows (see <see cref="PaperReader"/>).</summary>
public enum AuthorOutcome
{
    /// <summary>Nobody Radar knows goes by this name or ORCID.</summary>
    Unknown,

    /// <summary>The name fits several known people, or is too common to be sure of, and no ORCID or shared co-author settles it.</summary>
    Ambiguous,

    /// <summary>The paper names no institution for the author (or only ones signed as visiting).</summary>
    NoInstitution,

    /// <summary>The author signs as visiting or as an intern: not a move until a later paper says so without it.</summary>
    Visiting,

    /// <summary>Signed from two companies at once: a joint affiliation says nothing of a move.</summary>
    Joint,

    /// <summary>Radar knew of no earlier organisation: the paper starts the person's trail.</summary>
    FirstSeen,

    /// <summary>The same company as before (its units and owner count as one).</summary>
    Unchanged,

    /// <summary>Another company than the person's latest: an inferred move.</summary>
    Moved,
}
