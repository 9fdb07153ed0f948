namespace Radar.Feeds.Knowledge;

/// <summary>A person, organisation or model, with every spelling it goes by and its sourced facts.</summary>
public sealed record KnownEntity
{
    public required string Id { get; init; }

    public required EntityKind Kind { get; init; }

    /// <summary>The canonical Latin spelling shown everywhere.</summary>
    public required string Name { get; init; }

    /// <summary>Every other spelling, Latin and Arabic.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> ArabicNames { get; init; } = [];

    /// <summary>For a unit (FAIR), the organisation it belongs to; alerts and extraction name the parent.</summary>
    public string? UnitOfId { get; init; }

    /// <summary>For a subsidiary (Google DeepMind), its owner: "DeepMind, owned by Google" does not make Google a subject.</summary>
    public string? OwnedById { get; init; }

    /// <summary>For a model, the organisation that makes it.</summary>
    public string? MakerId { get; init; }

    public IReadOnlyList<Affiliation> Affiliations { get; init; } = [];

    public string? Released { get; init; }

    public string? Status { get; init; }

    public string? Founded { get; init; }

    public IReadOnlyList<string> Founders { get; init; } = [];

    public string? Notes { get; init; }

    public string? Source { get; init; }

    /// <summary>Seed knowledge is verified; entities learnt from the news are "reported".</summary>
    public bool Reported { get; init; }

    /// <summary>When a spelling counts as a mention in running text; every spelling is found by name lookups.</summary>
    public MatchRule Match { get; init; }

    /// <summary>For an organisation: industry, academia, government, nonprofit, investor.</summary>
    public string? OrgKind { get; init; }

    public string? Country { get; init; }

    /// <summary>For a model: open weights, API access, unreleased (as Epoch AI writes it).</summary>
    public string? Accessibility { get; init; }

    /// <summary>For a model: its parameter count, when known.</summary>
    public double? Parameters { get; init; }

    /// <summary>For a model: the organisations that made it, the first being <see cref="MakerId"/>.</summary>
    public IReadOnlyList<string> MakerIds { get; init; } = [];

    /// <summary>For a model: its family ("Llama 3.1" for "Llama 3.1-405B"), when the name carries a size.</summary>
    public string? Family { get; init; }

    /// <summary>For a person: the models they are an author of, dated (the paper trail).</summary>
    public IReadOnlyList<Appearance> Appearances { get; init; } = [];

    /// <summary>For a person: the ORCID iD ("0000-0002-1825-0097") learnt from a paper, when one gave it.</summary>
    public string? Orcid { get; init; }

    /// <summary>For an organisation: its ROR id ("02xyz1234"), when a paper named it so.</summary>
    public string? Ror { get; init; }

    /// <summary>Some of what is known comes from Epoch AI's dataset, which asks for a credit wherever it is shown.</summary>
    public bool FromDataset { get; init; }

    /// <summary>This entity with more spellings: each once, never its own name.</summary>
    public KnownEntity WithAliases(IEnumerable<string> spellings) =>
        this with { Aliases = [.. Aliases.Concat(spellings).Where(a => a != Name).Distinct(StringComparer.Ordinal)] };
}
