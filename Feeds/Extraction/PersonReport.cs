using Radar.Feeds.Knowledge;

namespace Radar.Feeds.Extraction;

/// <summary>Everything an item says about one person's move, gathered across its sentences.</summary>
internal sealed class PersonReport(KnownEntity person)
{
    public KnownEntity Person { get; } = person;

    public HashSet<CueKind> Kinds { get; } = [];

    public List<KnownEntity> ExplicitFrom { get; } = [];

    public List<KnownEntity> ExplicitTo { get; } = [];

    public List<KnownEntity> DescribedBy { get; } = [];

    public string? Role { get; set; }

    /// <summary>The cues read for this person, with the sides they named: the explanation of the move.</summary>
    public List<string> Why { get; } = [];

    public string Evidence { get; set; } = string.Empty;

    public bool InTitle { get; set; }
}
