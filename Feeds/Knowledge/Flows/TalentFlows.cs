using System.Globalization;

namespace Radar.Feeds.Knowledge.Flows;

/// <summary>
/// Who came to an organisation and who left it, and from or to where, from everything Radar knows:
/// the verified facts, the moves the news reported, and the moves read from author lists (Epoch AI's
/// dataset). Moves inside one company (Google Brain → Google DeepMind) are not moves. A move known
/// both as a fact (or from the news) and from papers is counted once, with the stronger evidence.
/// </summary>
public static class TalentFlows
{
    public static IReadOnlyList<OrgMove> For(KnowledgeBase knowledge, KnownEntity org, int? since = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(org);
        var root = knowledge.Root(org).Id;
        var moves = new List<OrgMove>();
        foreach (var person in knowledge.Entities.Where(e => e.Kind == EntityKind.Person))
        {
            var known = new List<(string From, string To, OrgMove Move)>();
            foreach (var (from, to, move) in StatedMoves(knowledge, person, root).Concat(InferredMoves(knowledge, person, root)))
            {
                if (known.Any(k => k.From == from && k.To == to && Math.Abs(k.Move.Year - move.Year) <= 1))
                {
                    continue; // the papers confirm what a fact or the news said
                }

                known.Add((from, to, move));
                if (since is null || move.Year >= since)
                {
                    moves.Add(move);
                }
            }
        }

        return [.. moves.OrderBy(m => m.Year).ThenBy(m => m.Person, StringComparer.Ordinal)];
    }

    /// <summary>Consecutive steps of a person's stated path (facts and news) at two different companies.</summary>
    private static IEnumerable<(string From, string To, OrgMove Move)> StatedMoves(KnowledgeBase knowledge, KnownEntity person, string root)
    {
        var steps = person.Affiliations.Select((a, i) => (Step: a, Index: i))
            .OrderBy(s => s.Step.From ?? s.Step.To ?? string.Empty, StringComparer.Ordinal).ThenBy(s => s.Index)
            .Select(s => s.Step).ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            var (before, after) = (steps[i - 1], steps[i]);
            var (fromKey, fromName, fromId) = Company(knowledge, before);
            var (toKey, toName, toId) = Company(knowledge, after);
            var date = after.From ?? before.To;
            if (fromKey == toKey || Year(date) is not { } year)
            {
                continue;
            }

            var evidence = before.Reported || after.Reported ? Evidence.News : Evidence.Fact;
            var source = after.Source ?? before.Source;
            if (fromKey == root)
            {
                yield return (fromKey, toKey, new OrgMove(person.Id, person.Name, false, toName, toId, year, date!, evidence, source));
            }
            else if (toKey == root)
            {
                yield return (fromKey, toKey, new OrgMove(person.Id, person.Name, true, fromName, fromId, year, date!, evidence, source));
            }
        }
    }

    private static IEnumerable<(string From, string To, OrgMove Move)> InferredMoves(KnowledgeBase knowledge, KnownEntity person, string root)
    {
        foreach (var move in PaperTrail.InferMoves(person, knowledge))
        {
            var from = knowledge.Get(move.FromOrgId)!;
            var to = knowledge.Get(move.ToOrgId)!;
            var (fromKey, toKey) = (knowledge.Root(from).Id, knowledge.Root(to).Id);
            var source = $"{move.Last.Model} ({move.Last.Date}) → {move.First.Model} ({move.First.Date})";
            if (Year(move.First.Date) is not { } year)
            {
                continue;
            }

            if (fromKey == root)
            {
                yield return (fromKey, toKey, new OrgMove(person.Id, person.Name, false, knowledge.OutputOrg(to).Name, to.Id, year, move.First.Date, Evidence.Inferred, source));
            }
            else if (toKey == root)
            {
                yield return (fromKey, toKey, new OrgMove(person.Id, person.Name, true, knowledge.OutputOrg(from).Name, from.Id, year, move.First.Date, Evidence.Inferred, source));
            }
        }
    }

    /// <summary>The company a step is at: its key for comparison (the root organisation's id, or the folded name when unknown), its name and id.</summary>
    private static (string Key, string Name, string? Id) Company(KnowledgeBase knowledge, Affiliation step)
    {
        if (knowledge.Get(step.OrgId) is { } org)
        {
            return (knowledge.Root(org).Id, knowledge.OutputOrg(org).Name, org.Id);
        }

        var name = SeedKnowledge.DisplayName(step.OrgName);
        return ("name:" + Text.MatchText.Normalize(name), name, null);
    }

    internal static int? Year(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
