namespace Radar.Storage.Entities;

/// <summary>
/// One step of a person's path. Seed steps are verified facts with their source; reported steps
/// come from confident moves in the news, with the story that reported them, and never replace a fact.
/// </summary>
public sealed class AffiliationRecord
{
    public long Id { get; set; }

    public required string PersonId { get; set; }

    public required string OrgName { get; set; }

    public string? OrgId { get; set; }

    public string? Role { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Source { get; set; }

    public bool Reported { get; set; }

    public long? StoryId { get; set; }

    public DateTime CreatedAt { get; set; }
}
