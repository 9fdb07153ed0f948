using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>
/// Micro-averaged precision, recall and F1 of one field over many items. Loose on spelling (case,
/// accents, any spelling of the same known entity), strict on meaning (a move must match person,
/// origin and destination).
/// </summary>
internal sealed class ExtractionScore
{
    private int _truePositives;
    private int _falsePositives;
    private int _falseNegatives;

    public double Precision => _truePositives + _falsePositives == 0 ? 1 : (double)_truePositives / (_truePositives + _falsePositives);

    public double Recall => _truePositives + _falseNegatives == 0 ? 1 : (double)_truePositives / (_truePositives + _falseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static string Key(KnowledgeBase knowledge, string? name) =>
        name is null ? "∅" : knowledge.Find(name) is { } entity ? entity.Id : MatchText.Normalize(name);

    public void Add(IEnumerable<string> got, IEnumerable<string> expected)
    {
        var gotSet = got.ToHashSet(StringComparer.Ordinal);
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        _truePositives += gotSet.Count(expectedSet.Contains);
        _falsePositives += gotSet.Count(g => !expectedSet.Contains(g));
        _falseNegatives += expectedSet.Count(e => !gotSet.Contains(e));
    }

    public override string ToString() => FormattableString.Invariant($"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}");
}
