namespace Radar.Feeds.Knowledge;

/// <summary>
/// Reads moves from a person's paper trail: consecutive appearances (by date) as an author at two
/// different companies mean a move between the two dates. Appearances shared by several companies
/// say nothing about which one the person was at, so they are passed over; moves inside one
/// company (Google Brain → Google DeepMind) are not moves.
/// </summary>
public static class PaperTrail
{
    public static List<InferredMove> InferMoves(KnownEntity person, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(knowledge);
        var moves = new List<InferredMove>();
        (Appearance Appearance, KnownEntity Org, string Root)? previous = null;
        foreach (var appearance in person.Appearances.OrderBy(a => a.Date, StringComparer.Ordinal))
        {
            var orgs = appearance.OrgIds.Select(knowledge.Get).OfType<KnownEntity>().ToList();
            var roots = orgs.Select(o => knowledge.Root(o).Id).Distinct(StringComparer.Ordinal).ToList();
            if (roots.Count != 1)
            {
                continue;
            }

            var org = knowledge.OutputOrg(orgs[0]);
            if (previous is { } last && last.Root != roots[0])
            {
                moves.Add(new InferredMove(last.Org.Id, org.Id, last.Appearance, appearance));
            }

            previous = (appearance, org, roots[0]);
        }

        return moves;
    }

    /// <summary>The organisation of the person's latest single-company appearance, with its date, or null.</summary>
    public static (KnownEntity Org, Appearance Appearance)? Latest(KnownEntity person, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(knowledge);
        foreach (var appearance in person.Appearances.OrderByDescending(a => a.Date, StringComparer.Ordinal))
        {
            var orgs = appearance.OrgIds.Select(knowledge.Get).OfType<KnownEntity>().ToList();
            if (orgs.Count > 0 && orgs.Select(o => knowledge.Root(o).Id).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                return (knowledge.OutputOrg(orgs[0]), appearance);
            }
        }

        return null;
    }
}
