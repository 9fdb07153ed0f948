using Radar.Feeds.Knowledge;

namespace Radar.Feeds.Extraction;

/// <summary>
/// A person or model the knowledge base did not know, read from the text itself ("Phi-5", "Karen
/// Li", "جيان تشانغ" → Jian Zhang): what learning needs to know it next time.
/// </summary>
public sealed record NewName(EntityKind Kind, string Name, IReadOnlyList<string> ArabicNames, string? MakerId);
