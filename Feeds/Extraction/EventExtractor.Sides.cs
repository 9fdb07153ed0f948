using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Reading a move's two sides: the organisations a cue leads from and to, and, when the news names
/// only one, what the knowledge base and the paper trail say of the other.
/// </summary>
public sealed partial class EventExtractor
{
    private static Mention? FirstMentionAfter(List<Mention> mentions, Cue cue) =>
        mentions.Where(m => m.Start >= cue.End && m.Start <= cue.End + 3).OrderBy(m => m.Start).FirstOrDefault();

    /// <summary>The organisations a cue names: "leaves OpenAI for Anthropic", "joins Anthropic", "يعود إلى ميتا".</summary>
    private static (Mention? From, Mention? To) Objects(AnalysedSentence sentence, Cue cue, List<Cue> cues, List<Mention> mentions)
    {
        Mention? from = null, to = null;
        var toward = false;
        var limit = cue.End + 10;
        var subjectEnd = cue.End;
        var appositionEnd = cue.End;
        foreach (var mention in mentions.Where(m => m.Start >= cue.End).OrderBy(m => m.Start))
        {
            if (mention.Start >= limit)
            {
                break;
            }

            if (mention.Entity.Kind == EntityKind.Person && from is null && to is null && mention.Start - subjectEnd <= 2)
            {
                subjectEnd = mention.End; // verb first: "ينضم نيل هولسبي إلى أنثروبيك", "hires Jane Doe from OpenAI"
                appositionEnd = AppositionEnd(sentence, mention.End);
                limit = Math.Max(limit, Math.Max(mention.End, appositionEnd) + 6);
                continue;
            }

            if (mention.Start < appositionEnd)
            {
                continue; // "انضم جان ليك، وهو باحث في OpenAI …، إلى Anthropic": the description between commas
            }

            if (mention.Entity.Kind == EntityKind.Org && mention.End < sentence.Tokens.Count && RivalWords.Contains(sentence.Tokens[mention.End].Folded))
            {
                continue; // "joined OpenAI rival Anthropic": the rival is the object
            }

            if (mention.Entity.Kind == EntityKind.Person && IsPossessor(sentence, mentions, mention))
            {
                continue; // "Liang Wenfeng's DeepSeek": the organisation that follows is the object
            }

            if (mention.Entity.Kind == EntityKind.Person || cues.Exists(c => TalentKinds.Contains(c.Kind) && c.Start >= Math.Max(cue.End, appositionEnd) && c.Start < mention.Start))
            {
                break; // the next person or the next cue starts another statement
            }

            if (cues.Exists(c => c.Kind is CueKind.Partner or CueKind.Superior && c.Start >= cue.End && c.End <= mention.Start))
            {
                break; // "founded a startup alongside former Meta scientist Ken Ito": the partner's description
            }

            if (mention.Entity.Kind != EntityKind.Org || cues.Exists(c => c.Kind == CueKind.Descriptor && c.End <= mention.Start && mention.Start - c.End <= 1 && c.Start > cue.End && AfterComma(sentence, c.Start)))
            {
                continue; // "joins, one of OpenAI's founders, …": a description, not an object
            }

            // "from X" / "من X" names the origin and "to X" / "إلى X" the destination, whatever the verb.
            var marker = cues.LastOrDefault(c => c.Kind is CueKind.Toward or CueKind.Away && c.End <= mention.Start && mention.Start - c.End <= 4 && c.Start >= cue.End &&
                                                 !mentions.Exists(m => m.Entity.Kind == EntityKind.Org && m.Start >= c.End && m.Start < mention.Start));
            // "forced out at Cohere", "steps down at Meta": "at" names where the person was.
            var at = marker is { Kind: CueKind.Toward } && cue.Kind is CueKind.Depart or CueKind.StepDown or CueKind.Oust && MatchText.Fold(marker.Surface) is "at" or "chez" or "لدي";
            toward |= marker?.Kind == CueKind.Toward && !at;
            if (marker?.Kind == CueKind.Away || at || (cue.Kind is CueKind.Depart or CueKind.StepDown or CueKind.Oust && !toward))
            {
                from ??= mention;
            }
            else
            {
                to ??= mention;
            }

            if (to is not null)
            {
                break;
            }
        }

        return (from, to);
    }

    private static readonly HashSet<string> RivalWords = new(StringComparer.Ordinal) { "rival", "competitor", "concurrent", "منافس", "منافسه" };

    /// <summary>The token after an apposition that opens right after <paramref name="end"/> ("X, a researcher at Y, joins"), or <paramref name="end"/> when none does.</summary>
    private static int AppositionEnd(AnalysedSentence sentence, int end)
    {
        if (end >= sentence.Tokens.Count || sentence.Between(end - 1, end).IndexOfAny(",،") < 0)
        {
            return end;
        }

        for (var i = end + 1; i < sentence.Tokens.Count; i++)
        {
            if (sentence.Between(i - 1, i).IndexOfAny(",،") >= 0)
            {
                return i;
            }
        }

        return end; // no closing comma: not an apposition that can be told
    }

    private static PersonReport Report(Dictionary<string, PersonReport> reports, KnownEntity person, AnalysedSentence sentence)
    {
        if (!reports.TryGetValue(person.Id, out var report))
        {
            report = new PersonReport(person);
            reports[person.Id] = report;
        }

        if (report.Evidence.Length == 0 || (sentence.IsTitle && !report.InTitle))
        {
            report.Evidence = sentence.Text;
            report.InTitle = sentence.IsTitle;
        }

        return report;
    }

    private (ExtractedEvent Event, Move? Move) Resolve(PersonReport report, List<KnownEntity> itemOrgs, KnownEntity? hiringOrg)
    {
        var stated = report.ExplicitTo.Select(knowledge.OutputOrg).FirstOrDefault();
        var arrives = report.Kinds.Overlaps([CueKind.Join, CueKind.Return, CueKind.Appoint]);
        var to = stated ?? (arrives && hiringOrg is not null ? knowledge.OutputOrg(hiringOrg) : null);
        var why = new List<string>(report.Why);
        if (to is not null && stated is null)
        {
            why.Add($"to \"{to.Name}\": the organisation that hires in this item");
        }

        // "Pachocki takes the helm", "has returned to the startup", "will be replaced by X": in an item about one organisation, that one.
        if (to is null && arrives && itemOrgs.Count == 1 && report.ExplicitFrom.Count == 0 && !report.Kinds.Overlaps([CueKind.Depart, CueKind.StepDown, CueKind.Oust]))
        {
            to = itemOrgs[0];
            why.Add($"to \"{to.Name}\": the only organisation the item names");
        }

        var from = report.ExplicitFrom.Select(knowledge.OutputOrg).FirstOrDefault(o => o.Id != to?.Id);
        if (from is null && (from = FromKnowledge(report, itemOrgs, to)) is not null)
        {
            why.Add($"from \"{from.Name}\": the knowledge base's latest organisation for the person among those the item names");
        }
        else if (from is null && (from = FromDescription(report, itemOrgs, to)) is not null)
        {
            why.Add($"from \"{from.Name}\": the organisation that describes the person");
        }

        var type = to is not null
            ? report.Kinds.Contains(CueKind.Found) ? EventKind.Founding : report.Kinds.Overlaps([CueKind.Hire, CueKind.Join, CueKind.Return, CueKind.Lose]) ? EventKind.Hire : EventKind.LeadershipChange
            : report.Kinds.Overlaps([CueKind.StepDown, CueKind.Appoint]) ? EventKind.LeadershipChange : report.Kinds.Contains(CueKind.Found) ? EventKind.Founding : EventKind.Departure;
        var confidence = (report.InTitle ? 0.9 : 0.75) - (from is null && to is null ? 0.15 : 0) - (report.Person.Reported ? 0.1 : 0);
        var talentEvent = new ExtractedEvent(type, report.Person.Name, from?.Name, to?.Name, report.Role, null, to?.Name ?? from?.Name, Math.Round(confidence, 2), report.Evidence, string.Join("; ", why));
        var move = (from is not null || to is not null) && from?.Id != to?.Id ? new Move(report.Person.Name, from?.Name, to?.Name) : null;
        return (talentEvent, move);
    }

    /// <summary>Where the knowledge base says a person is now (a verified step with no end, the latest), or null.</summary>
    private KnownEntity? CurrentOrganisation(KnownEntity person) =>
        person.Affiliations.Where(a => a.To is null && !a.Reported).OrderByDescending(a => a.From ?? string.Empty, StringComparer.Ordinal)
            .Select(a => knowledge.Get(a.OrgId)).OfType<KnownEntity>().Select(knowledge.OutputOrg).FirstOrDefault();

    /// <summary>The organisation the person was with most recently, among those the item names, by the knowledge base.</summary>
    private KnownEntity? FromKnowledge(PersonReport report, List<KnownEntity> itemOrgs, KnownEntity? to)
    {
        var candidates = report.DescribedBy.Select(knowledge.OutputOrg).Concat(itemOrgs).Where(o => o.Id != to?.Id).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var leaving = report.Kinds.Overlaps([CueKind.Depart, CueKind.StepDown, CueKind.Oust]);
        var current = report.Person.Affiliations.Where(a => a.To is null).OrderByDescending(a => a.From ?? string.Empty, StringComparer.Ordinal).FirstOrDefault();
        return report.Person.Affiliations
            .Where(a => leaving || a != current) // joining, founding, returning: where the person is now is not where they came from
            .Select(a => (Affiliation: a, Org: knowledge.Get(a.OrgId) is { } org ? knowledge.OutputOrg(org) : null))
            .Where(a => a.Org is not null && candidates.Contains(a.Org.Id))
            .OrderByDescending(a => a.Affiliation.From ?? a.Affiliation.To ?? string.Empty, StringComparer.Ordinal)
            .ThenByDescending(a => a.Affiliation.To ?? "9999", StringComparer.Ordinal)
            .Select(a => a.Org)
            .FirstOrDefault() ?? FromPaperTrail(report, candidates);
    }

    /// <summary>Below the facts: the latest organisation the person's author lists place them at, among those the item names.</summary>
    private KnownEntity? FromPaperTrail(PersonReport report, HashSet<string> candidates) =>
        report.Person.Appearances.OrderByDescending(a => a.Date, StringComparer.Ordinal)
            .SelectMany(a => a.OrgIds.Select(knowledge.Get).OfType<KnownEntity>().Select(knowledge.OutputOrg))
            .FirstOrDefault(o => candidates.Contains(o.Id));

    /// <summary>For people the knowledge base does not know: the organisation that describes them, or the item's only one.</summary>
    private KnownEntity? FromDescription(PersonReport report, List<KnownEntity> itemOrgs, KnownEntity? to)
    {
        if (report.Person.Affiliations.Count > 0)
        {
            return null; // the knowledge base knows this person and none of their organisations is named here
        }

        var described = report.DescribedBy.Select(knowledge.OutputOrg).FirstOrDefault(o => o.Id != to?.Id);
        if (described is not null)
        {
            return described;
        }

        var others = itemOrgs.Where(o => o.Id != to?.Id).ToList();
        return report.Kinds.Overlaps([CueKind.Depart, CueKind.StepDown]) && others.Count == 1 ? others[0] : null;
    }
}
