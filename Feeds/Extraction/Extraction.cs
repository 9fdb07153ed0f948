namespace Radar.Feeds.Extraction;

/// <summary>What a story is about: topics, events and the entities it names, in canonical Latin spelling.</summary>
public sealed record Extraction(
    string Language,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Orgs,
    IReadOnlyList<string> Models,
    IReadOnlyList<Move> Moves)
{
    public const string Talent = "talent";

    public const string Launches = "launches";
}
