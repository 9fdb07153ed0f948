namespace Radar.Feeds.Papers;

/// <summary>One author of a paper: the name as written, the ORCID ("0000-0002-1825-0097") when known, the institutions, and the affiliation lines as printed.</summary>
public sealed record PaperAuthor(string Name, string? Orcid, IReadOnlyList<PaperInstitution> Institutions, IReadOnlyList<string> RawAffiliations);
