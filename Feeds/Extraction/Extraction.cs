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
    IReadOnlyList<NewName>? New = null);
