using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Tests.Feeds.Parsing;
using Xunit.Abstractions;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>
/// The precision guard of open-world reading: over every entry of the 60 real-world corpus feeds
/// (mostly not AI news), every person the knowledge base does not know and every move the extractor
/// reads is printed, and each must be on the reviewed list below — a real person and a real move
/// of the text, checked one by one. Anything new fails the test until it is reviewed.
/// </summary>
public sealed class CorpusPrecisionTests(ITestOutputHelper output)
{
    [Fact]
    public void TheRealWorldCorpusYieldsNoInventedPersonOrMove()
    {
        var knowledge = SeedKnowledge.Load();
        var extractor = new EventExtractor(knowledge);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var entries = 0;
        foreach (var entry in CorpusTests.RealWorldEntries())
        {
            entries++;
            var extraction = extractor.Extract(entry.Title, entry.Summary);
            foreach (var person in extraction.People.Where(p => knowledge.Find(p, EntityKind.Person) is null))
            {
                found.Add($"new person {person} — {entry.Title}");
            }

            foreach (var move in extraction.Moves)
            {
                found.Add($"move {move.Person}: {move.From ?? "?"} → {move.To ?? "?"} — {entry.Title}");
            }
        }

        output.WriteLine($"{entries} entries, {found.Count} new people and moves:");
        foreach (var line in found)
        {
            output.WriteLine(line);
        }

        Assert.All(found, line => Assert.Contains(Reviewed, reviewed => line.StartsWith(reviewed, StringComparison.Ordinal)));
    }

    /// <summary>Each checked in its entry: a real person named there (a politician, an actor, a reporter, an executive), and one real move.</summary>
    private static readonly string[] Reviewed =
    [
        "move Travis Kalanick: Uber → ? — ", // "culminating in the resignation of its once untouchable CEO Travis Kalanick"
        "new person Carles Puigdemont — ", "new person Dan Primack — ", "new person David Mueller — ", "new person Dharmesh Shah — ",
        "new person Douglas Haig — ", "new person Jessie Char — ", "new person Kate Beckinsale — ", "new person Kevin Plank — ",
        "new person Leah LaBelle — ", "new person Mark Salling — ", "new person Ngan Vo Thi — ", "new person Roland Wester — ",
        "new person Sarah Laskow — ", "new person Ted Olson — ", "new person Terry Branstad — ", "new person Travis Kalanick — ",
        "new person Vlad Savov — ", "new person Dawn Williams — ", "new person Hadas Gold — ", "new person Neil Sheehan — ",
    ];
}
