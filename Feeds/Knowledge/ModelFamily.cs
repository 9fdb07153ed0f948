namespace Radar.Feeds.Knowledge;

/// <summary>
/// A model family name ("Claude", "Qwen") and who makes it, for recognising models not in the
/// knowledge base. A standalone family ("Magistral", "o3") names a model even without a version.
/// </summary>
public sealed record ModelFamily(string Name, string MakerId, bool Standalone = false)
{
    /// <summary>The family name in Arabic script ("لاما"): "لاما 4" is Llama 4.</summary>
    public IReadOnlyList<string> ArabicNames { get; init; } = [];
}
