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
}
