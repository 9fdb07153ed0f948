namespace Radar.Storage.Entities;

/// <summary>A person, organisation or model of the knowledge base: the seed's (verified) or one the news introduced (reported).</summary>
public sealed class KnowledgeEntityRecord
{
    /// <summary>"person:guillaume-lample", "org:meta", "model:llama-4-behemoth".</summary>
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Every other spelling, Latin and Arabic, one per line.</summary>
    public string Aliases { get; set; } = string.Empty;

    public string ArabicNames { get; set; } = string.Empty;

    public string? UnitOfId { get; set; }

    public string? OwnedById { get; set; }

    public string? MakerId { get; set; }

    public string? Released { get; set; }

    public string? Status { get; set; }

    public string? Founded { get; set; }

    public string Founders { get; set; } = string.Empty;

    public string? Notes { get; set; }

    public string? Source { get; set; }

    public bool Reported { get; set; }

    /// <summary>For an organisation a paper introduced: its ROR id.</summary>
    public string? Ror { get; set; }

    public DateTime UpdatedAt { get; set; }
}
