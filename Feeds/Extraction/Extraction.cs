namespace Radar.Feeds.Extraction;

/// <summary>
/// What a story is about: topics, events and the entities it names, in canonical Latin spelling, and
/// the names of people and models the knowledge base did not know (<see cref="New"/>).
/// </summary>
public sealed record Extraction(
    string Language,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Orgs,
    IReadOnlyList<string> Models,
    IReadOnlyList<Move> Moves,
    IReadOnlyList<NewName>? New = null)
{
    /// <summary>How sure the report is of its story: its first claim's tier (see <see cref="ClaimReader"/>).</summary>
    public ClaimTier Tier { get; init; }

    /// <summary>The organisation whose own feed carried the report (a lab's blog): it confirms what it says.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ConfirmedBy { get; init; }

    /// <summary>What a denial denies ("X denies he is leaving Meta for OpenAI": X, Meta → OpenAI), never counted as events: what lets the denial join the story it denies.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExtractedEvent>? Denied { get; init; }
}
