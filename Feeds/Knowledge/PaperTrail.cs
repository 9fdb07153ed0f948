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
            if (OneCompany(appearance, knowledge) is not var (org, root))
            {
                continue;
            }

            if (previous is { } last && last.Root != root)
            {
                moves.Add(new InferredMove(last.Org.Id, org.Id, last.Appearance, appearance));
            }

            previous = (appearance, org, root);
        }

        return moves;
    }

    /// <summary>
    /// The organisation of the person's latest single-company appearance, with its date, or null;
    /// only appearances dated on or before <paramref name="until"/> (yyyy-MM-dd) when given, and not
    /// <paramref name="except"/> (the paper being read).
    /// </summary>
    public static (KnownEntity Org, Appearance Appearance)? Latest(KnownEntity person, KnowledgeBase knowledge, string? until = null, string? except = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(knowledge);
        foreach (var appearance in person.Appearances.Where(a => a.Model != except && (until is null || string.CompareOrdinal(a.Date, until) <= 0)).OrderByDescending(a => a.Date, StringComparer.Ordinal))
        {
            if (OneCompany(appearance, knowledge) is var (org, _))
            {
                return (org, appearance);
            }
        }

        return null;
    }

    /// <summary>The organisation of a paper signed by one company (its units count as one), with that company's id; null for several companies or none.</summary>
    private static (KnownEntity Org, string Root)? OneCompany(Appearance appearance, KnowledgeBase knowledge)
    {
        var orgs = appearance.OrgIds.Select(knowledge.Get).OfType<KnownEntity>().ToList();
        var roots = orgs.Select(o => knowledge.Root(o).Id).Distinct(StringComparer.Ordinal).ToList();
        return roots.Count == 1 ? (knowledge.OutputOrg(orgs[0]), roots[0]) : null;
    }
}
