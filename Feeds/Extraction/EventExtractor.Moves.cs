using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Reading moves: who the clause's mover is (the subject, not a bystander, a possessor or a name
/// inside a description), and what its talent cue says.
/// </summary>
public sealed partial class EventExtractor
{
    /// <summary>Reads the talent cues of one clause into the person reports; returns the hiring organisation, if any.</summary>
    private KnownEntity? ReadTalent(AnalysedSentence sentence, (int Start, int End) clause, Dictionary<string, PersonReport> reports)
    {
        var cues = sentence.Cues.Where(c => c.Start >= clause.Start && c.End <= clause.End).ToList();
        var mentions = sentence.Mentions.Where(m => m.Start >= clause.Start && m.End <= clause.End).ToList();
        var people = mentions.Where(m => m.Entity.Kind == EntityKind.Person).ToList();
        if (people.Count == 0 || cues.Exists(c => c.Kind == CueKind.Remain) || cues.Exists(c => c.Kind == CueKind.Negative))
        {
            return null;
        }

        var predecessorAt = cues.Where(c => c.Kind == CueKind.Predecessor).Select(c => (int?)c.Start).Min();
        people = [.. people.Where(p => (predecessorAt is null || p.Start < predecessorAt) && !IsBystander(sentence, p, cues, mentions))];
        if (people.Count == 0)
        {
            return null;
        }
        var orgs = mentions.Where(m => m.Entity.Kind == EntityKind.Org).ToList();
        KnownEntity? hiring = null;
        var objects = new HashSet<Mention>();
        // "Sutskever launches Safe Superintelligence", "announces a new company": launching an organisation is founding it.
        var talentCues = cues.Select(c => c.Kind == CueKind.Launch && LaunchesCompany(sentence, c, mentions) ? c with { Kind = CueKind.Found } : c)
            .Where(c => TalentKinds.Contains(c.Kind) && !IsDated(sentence, c) && !IsCalled(sentence, c, mentions)).ToList();
        List<Mention> lastSubjects = [];
        for (var k = 0; k < talentCues.Count; k++)
        {
            var cue = talentCues[k];
            var previousEnd = k > 0 ? talentCues[k - 1].End : clause.Start;
            var nextStart = k + 1 < talentCues.Count ? talentCues[k + 1].Start : clause.End;
            // "Suleyman, who co-founded …", "Babuschkin, who helped Elon Musk launch xAI": a relative clause that reaches the verb.
            var relative = cues.LastOrDefault(c => c.Kind == CueKind.Relative && c.End <= cue.Start && cue.Start - c.End <= 5 && c.Start >= previousEnd &&
                                                   (cue.Start - c.End <= 1 || sentence.Between(c.End - 1, cue.Start).IndexOfAny(",،") < 0));
            var (from, to) = Objects(sentence, cue, cues, mentions);
            var employer = orgs.LastOrDefault(o => o.End <= cue.Start && o.Start >= previousEnd);
            // After "said", the person named next is the subject ("Suleyman said Karen Li would lead …"); with nobody there, the speaker is ("X said he was leaving").
            var say = cues.LastOrDefault(c => c.Kind == CueKind.Say && c.End <= cue.Start && c.Start >= previousEnd);
            var spoken = say is null ? [] : people.Where(p => p.Start >= say.End && p.End <= cue.Start).ToList();
            var before = ListedWithFirst(sentence, spoken.Count > 0 ? spoken : [.. people.Where(p => p.Start >= previousEnd && p.End <= cue.Start)]);
            // "Microsoft AI chief Mustafa Suleyman said Karen Li would lead …": the one who announces an arrival names where.
            if (spoken.Count > 0 && to is null && cue.Kind is CueKind.Appoint or CueKind.Join)
            {
                to = orgs.LastOrDefault(o => o.End <= say!.Start);
            }

            var passive = cue.Kind is CueKind.Hire or CueKind.Oust or CueKind.Lose && !people.Exists(p => p.Start >= cue.End) && IsPassive(sentence, cue);
            // "Safe Superintelligence, co-founded by Ilya Sutskever": the founders follow, the company comes before.
            var foundedBy = cue.Kind == CueKind.Found && MatchText.Fold(cue.Surface).Split(' ')[^1] is "by" or "par";
            if (foundedBy)
            {
                (from, to) = (null, orgs.LastOrDefault(o => o.End <= cue.Start && cue.Start - o.End <= 3));
            }

            // "Demis Hassabis's lab hires …": the owner's organisation hires.
            var owner = cue.Kind == CueKind.Hire && employer is null ? mentions.LastOrDefault(m => m.End <= cue.Start && m.Entity.Kind == EntityKind.Person && IsPossessor(sentence, mentions, m)) : null;
            if (owner is not null && CurrentOrganisation(owner.Entity) is { } owned)
            {
                employer = new Mention(owned, owner.Start, owner.End);
            }

            if (cue.Kind is CueKind.Hire or CueKind.Oust or CueKind.Lose && employer is null && (owner is null || IsPassive(sentence, cue)))
            {
                // Verb first (عينت ميتا …) or passive ("was hired by Anthropic"): the organisation right after.
                employer = orgs.FirstOrDefault(o => o.Start >= cue.End && o.Start - cue.End <= 2);
            }

            if (cue.Kind == CueKind.Lose)
            {
                // "Google DeepMind loses a researcher to Microsoft", "أبل تخسر مهندسا لصالح ميتا": the loser is the origin, "to" the destination.
                from = employer ?? from;
            }
            else if (cue.Kind == CueKind.Oust)
            {
                // "Cohere sacks its COO Tara Quinn", "Tara Quinn forced out at Cohere": the employer is the origin.
                from = employer ?? from ?? to;
                to = null;
            }
            else if (cue.Kind == CueKind.Hire || (cue.Kind == CueKind.Appoint && employer is not null && people.Exists(p => p.Start >= cue.End)))
            {
                // "Microsoft hires X", "Meta names X chief AI officer": the employer is the destination.
                to = employer ?? (cue.Kind == CueKind.Hire ? orgs.LastOrDefault(o => o.End <= cue.Start) : to);
                hiring = to?.Entity ?? hiring;
                from = null;
            }

            // Subjects: the person between the previous cue and this one (with those listed with it: the
            // others there are in a description or a relative clause); else those after it, up to the
            // next cue (Arabic verb-first order); else the previous cue's ("X joins A after quitting
            // B"). Those hired come after "hires".
            var after = people.Where(p => p.Start >= cue.End && p.End <= nextStart).ToList();
            var subjects = passive ? before
                : foundedBy ? after
                : cue.Kind is CueKind.Hire or CueKind.Oust or CueKind.Lose || (cue.Kind == CueKind.Appoint && employer is not null && after.Count > 0) ? after
                : relative is not null ? after
                : before.Count > 0 ? before
                : after.Count > 0 ? after
                : lastSubjects;
            // After a relative clause ("Babuschkin, who helped Musk launch xAI, said he was leaving"), the main subject goes on.
            lastSubjects = relative is not null ? ListedWithFirst(sentence, [.. people.Where(p => p.End <= relative.Start && p.Start >= previousEnd)]) : subjects;

            if (relative is not null)
            {
                // "Suleyman, who co-founded Inflection AI": where the person before comes from.
                foreach (var person in people.Where(p => p.End <= relative.Start))
                {
                    Report(reports, person.Entity, sentence).DescribedBy.AddRange(new[] { from, to }.OfType<Mention>().Select(m => m.Entity));
                }

                // "Mistral, which two former Meta engineers co-founded": the antecedent is the destination.
                if (subjects.Count > 0)
                {
                    to = orgs.LastOrDefault(o => o.End <= relative.Start);
                    from = null;
                }
            }

            foreach (var o in new[] { from, to }.OfType<Mention>())
            {
                objects.Add(o);
            }

            foreach (var person in subjects)
            {
                var report = Report(reports, person.Entity, sentence);
                report.Kinds.Add(cue.Kind);
                report.Why.Add($"\"{cue.Surface}\" ({cue.Kind}) in the {(sentence.IsTitle ? "title" : "summary")}{(from is null ? string.Empty : $", from \"{from.Entity.Name}\"")}{(to is null ? string.Empty : $", to \"{to.Entity.Name}\"")}");
                if (from is not null)
                {
                    report.ExplicitFrom.Add(from.Entity);
                }

                if (to is not null)
                {
                    report.ExplicitTo.Add(to.Entity);
                }
            }
        }

        foreach (var person in people)
        {
            var report = Report(reports, person.Entity, sentence);
            report.DescribedBy.AddRange(orgs.Where(o => !objects.Contains(o)).OrderBy(o => Math.Abs(o.Start - person.Start)).Select(o => o.Entity));
            // The role that comes with the move: "joins as chief scientist", "Pineau, head of FAIR";
            // a description before the name ("former Google researcher") is the old one.
            report.Role ??= cues.Where(c => (c.Kind is CueKind.Descriptor or CueKind.Appoint) && RoleWords.Contains(MatchText.Normalize(c.Surface)) && c.Start >= person.End && c.Start - person.End <= 6)
                .OrderBy(c => c.Start).Select(c => RoleSuffix().Replace(c.Surface, string.Empty)).FirstOrDefault();
        }

        return hiring;
    }

    /// <summary>A person who is not a mover here: a partner ("with X"), a superior ("reporting to X"), a possessor ("X's DeepSeek"), a hirer.</summary>
    private static bool IsBystander(AnalysedSentence sentence, Mention person, List<Cue> cues, List<Mention> mentions)
    {
        bool ListedAfter(Cue cue) => cue.End <= person.Start && person.Start - cue.End <= 3 &&
                                     !mentions.Exists(m => m != person && m.Start >= cue.End && m.Start < person.Start && m.Entity.Kind == EntityKind.Org) &&
                                     !cues.Exists(c => c.Start >= cue.End && c.Start < person.Start && TalentKinds.Contains(c.Kind));
        // "Sam Altman welcomes Jerry Tworek back", "Zuckerberg hires X": the one who hires does not move.
        var hirer = cues.Exists(c => c.Kind == CueKind.Hire && c.Start == person.End &&
                                     mentions.Exists(m => m.Entity.Kind == EntityKind.Person && m.Start >= c.End && m.Start - c.End <= 3));
        // "l'annonce par Mark Zuckerberg", "a memo by X": the agent of something else ("founded by X" is read as a founding).
        var agent = person.Start > 0 && sentence.Tokens[person.Start - 1].Folded is "by" or "par" && !cues.Exists(c => c.End == person.Start && TalentKinds.Contains(c.Kind));
        return cues.Exists(c => c.Kind is CueKind.Partner or CueKind.Superior && ListedAfter(c)) || IsPossessor(sentence, mentions, person) || hirer || agent;
    }

    private static readonly HashSet<string> PassiveMarkers = new(StringComparer.Ordinal) { "was", "is", "been", "being", "were", "are", "gets", "got", "get", "ete", "est", "sont" };

    private static readonly HashSet<string> CompanyNouns = new(StringComparer.Ordinal)
    {
        "company", "startup", "start", "venture", "firm", "lab", "entreprise", "societe", "شركه", "ناشئه",
    };

    /// <summary>"a developer named Jane Doe": "named" after a common noun calls, it does not appoint ("Meta named", "was named" do).</summary>
    private static bool IsCalled(AnalysedSentence sentence, Cue cue, List<Mention> mentions) =>
        cue.Kind == CueKind.Appoint && MatchText.Fold(cue.Surface) is "named" or "nomme" or "nommee" && cue.Start > 0 &&
        !mentions.Exists(m => m.End == cue.Start) && !PassiveMarkers.Contains(sentence.Tokens[cue.Start - 1].Folded) &&
        sentence.Tokens[cue.Start - 1].Folded is not ("has" or "have" or "had" or "a" or "ont" or "been") && !sentence.Tokens[cue.Start - 1].IsCapitalized;

    /// <summary>"xAI, founded in July 2023": a participle with its date describes, it does not report.</summary>
    private static bool IsDated(AnalysedSentence sentence, Cue cue) =>
        cue.End + 1 < sentence.Tokens.Count && sentence.Tokens[cue.End].Folded is "in" or "en" or "في" or "on" &&
        (sentence.Tokens[cue.End + 1].Folded.All(char.IsDigit) || Months.Contains(sentence.Tokens[cue.End + 1].Folded));

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    };

    /// <summary>"was fired", "hired by Meta": the person before the verb is its object.</summary>
    private static bool IsPassive(AnalysedSentence sentence, Cue cue) =>
        (cue.End < sentence.Tokens.Count && sentence.Tokens[cue.End].Folded is "by" or "par") ||
        (cue.Start > 0 && PassiveMarkers.Contains(sentence.Tokens[cue.Start - 1].Folded));

    /// <summary>A launch verb that founds a company: an organisation right after it ("launches Safe Superintelligence", not "announced on X"), or a company word ("a new venture").</summary>
    private static bool LaunchesCompany(AnalysedSentence sentence, Cue cue, List<Mention> mentions)
    {
        var announces = MatchText.Fold(cue.Surface) is var verb && (verb.StartsWith("announc", StringComparison.Ordinal) || verb.StartsWith("annonc", StringComparison.Ordinal) || verb.Contains("علن", StringComparison.Ordinal));
        var company = false;
        for (var i = cue.End; i < Math.Min(cue.End + 4, sentence.Tokens.Count) && sentence.Tokens[i].Folded is not ("that" or "que" or "ان") && !(i > cue.End && sentence.Between(i - 1, i).Contains(',')); i++)
        {
            company |= CompanyNouns.Contains(sentence.Tokens[i].Folded);
        }

        return company || (!announces && FirstMentionAfter(mentions, cue)?.Entity.Kind == EntityKind.Org);
    }

    /// <summary>
    /// The first of several people and those listed with it ("A, B and C", "A et B", "A وB"): the
    /// subject of the verb that follows. A person further on, after other words, is inside a
    /// description or a relative clause ("X, qui … contre le fondateur Y, quitte …").
    /// </summary>
    private static List<Mention> ListedWithFirst(AnalysedSentence sentence, List<Mention> people)
    {
        if (people.Count <= 1)
        {
            return people;
        }

        var listed = new List<Mention> { people[0] };
        for (var i = 1; i < people.Count; i++)
        {
            var gap = sentence.Tokens.Skip(people[i - 1].End).Take(people[i].Start - people[i - 1].End).Select(t => t.Folded).ToList();
            if (gap.Count > 1 || (gap.Count == 1 && gap[0] is not ("and" or "et" or "&" or "و")))
            {
                break;
            }

            listed.Add(people[i]);
        }

        return listed;
    }

    /// <summary>Whether a comma (Latin or Arabic) stands right before the token, or one token earlier: an apposition opens there.</summary>
    private static bool AfterComma(AnalysedSentence sentence, int token)
    {
        for (var i = Math.Max(1, token - 1); i <= token; i++)
        {
            if (sentence.Between(i - 1, i).IndexOfAny(",،") >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Liang Wenfeng's DeepSeek", "Elon Musk's artificial intelligence startup, xAI": the person owns what follows.</summary>
    private static bool IsPossessor(AnalysedSentence sentence, List<Mention> mentions, Mention person)
    {
        if (person.End + 1 >= sentence.Tokens.Count || sentence.Tokens[person.End].Folded != "s")
        {
            return false;
        }

        for (var i = person.End + 1; i < Math.Min(sentence.Tokens.Count, person.End + 5); i++)
        {
            if (mentions.Exists(m => m.Entity.Kind == EntityKind.Org && m.Start == i) || CompanyNouns.Contains(sentence.Tokens[i].Folded))
            {
                return true;
            }

            if (sentence.Cues.Exists(c => c.Start == i) || mentions.Exists(m => m.Start == i) || sentence.Tokens[i].IsCapitalized)
            {
                return false;
            }
        }

        return false;
    }
}
