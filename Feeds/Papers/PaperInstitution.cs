namespace Radar.Feeds.Papers;

/// <summary>An institution an author signs a paper from, as OpenAlex names it, with its ROR id ("02xyz1234") when it has one.</summary>
public sealed record PaperInstitution(string Name, string? Ror, string? Country);
