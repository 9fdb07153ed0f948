using System.Text.RegularExpressions;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Papers;

/// <summary>
/// The rule that turns a new paper's author affiliations into inferred moves, as a pure function of
/// the paper and the knowledge base:
/// <list type="bullet">
/// <item>Only people Radar knows. An ORCID iD it learnt from an earlier paper names the person
/// whatever the display name; otherwise the full name, only when it is one known person's and not a
/// common one (a family name <see cref="CommonSurname"/> or more known people carry), or when one
/// candidate has a past co-author among the paper's authors. Anything else is ambiguous and never a move.</item>
/// <item>Institutions are known organisations by ROR id, then by name ("Meta (United States)" is
/// Meta); an unknown one is learnt, with its ROR id.</item>
/// <item>Signed from two companies at once (a joint affiliation) is not a move; nor is an
/// affiliation printed as visiting or as an internship — the next paper without it is.</item>
/// <item>A move is the person's latest organisation before the paper (a single-company paper, or a
/// current step of their path, whichever is newer) against the paper's; units and subsidiaries
/// count as their company (Google DeepMind is Google).</item>
/// </list>
/// </summary>
public static partial class PaperReader
{
    /// <summary>A family name carried by this many known people (Wang, Li, Kim) is too common to name one of them without an ORCID or a co-author.</summary>
    public const int CommonSurname = 15;

    /// <summary>How an arXiv paper is named in a person's paper trail: "arXiv:2612.01234".</summary>
    public static string TrailName(string arxivId) => "arXiv:" + arxivId;

    /// <summary>A paper's page: "https://arxiv.org/abs/2612.01234".</summary>
    public static string Link(string arxivId) => "https://arxiv.org/abs/" + arxivId;

    /// <summary>OpenAlex's data is CC0; it asks to be credited wherever its affiliations are shown.</summary>
    public const string CreditLine = "Affiliations: OpenAlex (openalex.org)";

    /// <summary>Whether a text (a paper trail's entry, a move's evidence) comes from a live paper.</summary>
    public static bool FromLivePaper(string? text) => text?.Contains("arXiv:", StringComparison.Ordinal) == true;

    public static PaperReading Read(PaperWork work, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(knowledge);
        var learnt = new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        var candidates = work.Authors.Select(a => Candidates(a, knowledge)).ToList();
        var findings = new List<AuthorFinding>(work.Authors.Count);
        for (var i = 0; i < work.Authors.Count; i++)
        {
            var author = work.Authors[i];
            var others = candidates.Where((_, j) => j != i).SelectMany(c => c.People).ToList();
            if (Recognise(author, candidates[i], others, knowledge) is not { } person)
            {
                findings.Add(new AuthorFinding(author.Name, candidates[i].People.Count == 0 ? AuthorOutcome.Unknown : AuthorOutcome.Ambiguous, null, author.Orcid, []));
                continue;
            }

            findings.Add(Place(work, author, person, knowledge, learnt));
        }

        return new PaperReading(work, findings, [.. learnt.Values]);
    }

    private static (List<KnownEntity> People, bool ByOrcid) Candidates(PaperAuthor author, KnowledgeBase knowledge) =>
        knowledge.ByIdentifier(author.Orcid) is { Kind: EntityKind.Person } byOrcid
            ? ([byOrcid], true)
            : ([.. knowledge.PeopleNamed(author.Name).DistinctBy(p => p.Id)], false);

    /// <summary>The one known person this author is, or null when nobody or not surely one.</summary>
    private static KnownEntity? Recognise(PaperAuthor author, (List<KnownEntity> People, bool ByOrcid) candidates, List<KnownEntity> coAuthors, KnowledgeBase knowledge)
    {
        var (people, byOrcid) = candidates;
        if (byOrcid)
        {
            return people[0];
        }

        if (people.Count == 1 && !IsCommonName(author.Name, knowledge))
        {
            return people[0];
        }

        var vouched = people.Where(p => coAuthors.Any(other => other.Id != p.Id && SharePaper(p, other))).ToList();
        return vouched.Count == 1 ? vouched[0] : null;
    }

    /// <summary>A name whose family name <see cref="CommonSurname"/> or more known people carry: too common to name one of them alone.</summary>
    public static bool IsCommonName(string name, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return MatchText.Tokenize(name) is { Count: > 1 } tokens && knowledge.Names.CarriersOf(tokens[^1].Folded) >= CommonSurname;
    }

    private static bool SharePaper(KnownEntity a, KnownEntity b) =>
        a.Appearances.Count > 0 && b.Appearances.Count > 0 && a.Appearances.Select(x => x.Model).Intersect(b.Appearances.Select(x => x.Model), StringComparer.Ordinal).Any();

    /// <summary>Where the paper places a recognised person, and whether that is a move.</summary>
    private static AuthorFinding Place(PaperWork work, PaperAuthor author, KnownEntity person, KnowledgeBase knowledge, Dictionary<string, KnownEntity> learnt)
    {
        var orgs = new List<KnownEntity>();
        var visiting = false;
        foreach (var institution in author.Institutions)
        {
            if (IsVisiting(institution, author))
            {
                visiting = true;
                continue;
            }

            orgs.Add(Organisation(institution, work, knowledge, learnt));
        }

        if (author.Institutions.Count == 0)
        {
            // No institution matched by OpenAlex: the printed lines may still name a known organisation.
            foreach (var line in author.RawAffiliations)
            {
                if (Visiting().IsMatch(line))
                {
                    visiting = true;
                }
                else
                {
                    orgs.AddRange(knowledge.FindMentions(MatchText.Tokenize(line)).Select(m => m.Entity).Where(e => e.Kind == EntityKind.Org));
                }
            }
        }

        orgs = [.. orgs.DistinctBy(o => o.Id)];
        var ids = orgs.Select(o => o.Id).ToList();
        var roots = orgs.Select(o => knowledge.Root(o).Id).Distinct(StringComparer.Ordinal).ToList(); // a learnt organisation has no parent: its own root
        if (roots.Count == 0)
        {
            return new AuthorFinding(author.Name, visiting ? AuthorOutcome.Visiting : AuthorOutcome.NoInstitution, person.Id, author.Orcid, []);
        }

        if (roots.Count > 1)
        {
            return new AuthorFinding(author.Name, AuthorOutcome.Joint, person.Id, author.Orcid, ids);
        }

        if (Latest(person, knowledge, work) is not { } before)
        {
            return new AuthorFinding(author.Name, AuthorOutcome.FirstSeen, person.Id, author.Orcid, ids);
        }

        if (knowledge.Root(before).Id == roots[0])
        {
            return new AuthorFinding(author.Name, AuthorOutcome.Unchanged, person.Id, author.Orcid, ids);
        }

        var (from, to) = (knowledge.OutputOrg(before), knowledge.OutputOrg(orgs[0]));
        var move = new PaperMove(person.Id, person.Name, from.Id, from.Name, to.Id, to.Name, work.ArxivId, work.Date, work.Title);
        return new AuthorFinding(author.Name, AuthorOutcome.Moved, person.Id, author.Orcid, ids, move);
    }

    /// <summary>
    /// The person's organisation just before the paper: the newest of their single-company papers and
    /// their current steps (a step wins a tie: it was stated), dated on or before the paper.
    /// </summary>
    private static KnownEntity? Latest(KnownEntity person, KnowledgeBase knowledge, PaperWork work)
    {
        (KnownEntity Org, string Date)? best = null;
        foreach (var step in person.Affiliations.Where(a => a.To is null))
        {
            var date = step.From ?? string.Empty;
            if (knowledge.Get(step.OrgId) is { } org && string.CompareOrdinal(date, work.Date) <= 0 && (best is null || string.CompareOrdinal(date, best.Value.Date) >= 0))
            {
                best = (org, date);
            }
        }

        return PaperTrail.Latest(person, knowledge, work.Date, TrailName(work.ArxivId)) is var (paperOrg, appearance) && (best is null || string.CompareOrdinal(appearance.Date, best.Value.Date) > 0)
            ? paperOrg
            : best?.Org;
    }

    /// <summary>The known organisation an institution is (by ROR id, then name without its country: "Meta (United States)"), or one learnt now.</summary>
    private static KnownEntity Organisation(PaperInstitution institution, PaperWork work, KnowledgeBase knowledge, Dictionary<string, KnownEntity> learnt)
    {
        var name = Country().Replace(institution.Name, string.Empty).Trim();
        if (knowledge.ByIdentifier(institution.Ror) is { Kind: EntityKind.Org } byRor)
        {
            return byRor;
        }

        if ((knowledge.Find(name, EntityKind.Org) ?? knowledge.Find(institution.Name, EntityKind.Org)) is { } known)
        {
            return known;
        }

        var id = "org:" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded));
        if (knowledge.Get(id) is { Kind: EntityKind.Org } sameName)
        {
            return sameName;
        }

        if (!learnt.TryGetValue(id, out var org))
        {
            learnt[id] = org = new KnownEntity
            {
                Id = id,
                Kind = EntityKind.Org,
                Name = name,
                Ror = institution.Ror,
                Country = institution.Country,
                Reported = true,
                Source = institution.Ror is null ? work.Link : "https://ror.org/" + institution.Ror,
                Notes = $"Seen on a paper: {TrailName(work.ArxivId)} ({work.Date}). Affiliations: OpenAlex",
            };
        }

        return org;
    }

    /// <summary>An institution the author's printed affiliation marks as a visit or an internship ("Visiting researcher, X"; "Work done during an internship at X").</summary>
    private static bool IsVisiting(PaperInstitution institution, PaperAuthor author)
    {
        var name = MatchText.Normalize(Country().Replace(institution.Name, string.Empty));
        return author.RawAffiliations.Any(line => Visiting().IsMatch(line) && (author.Institutions.Count == 1 || MatchText.Normalize(line).Contains(name, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex Country();

    [GeneratedRegex(@"\b(?:visiting|visitor|intern|internship|interning|work (?:was )?done (?:while|during|at)|en visite|stagiaire|stage)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Visiting();
}
