using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>The people of a sentence beyond the knowledge base's exact spellings: surnames, new names, back-references (Arabic-script names: <c>EventExtractor.ArabicPeople</c>).</summary>
public sealed partial class EventExtractor
{
    /// <summary>"Suleyman" alone, after "Mustafa Suleyman" was named: the same person.</summary>
    private static void AddSurnameMentions(List<AnalysedSentence> sentences)
    {
        var people = sentences.SelectMany(s => s.Mentions).Select(m => m.Entity).Where(e => e.Kind == EntityKind.Person).DistinctBy(e => e.Id).ToList();
        if (people.Count == 0)
        {
            return;
        }

        var surnames = new TokenTrie<KnownEntity>();
        foreach (var person in people)
        {
            foreach (var spelling in person.ArabicNames.Prepend(person.Name))
            {
                var tokens = MatchText.Tokenize(spelling);
                var last = tokens.Count > 1 ? tokens[^1] : null;
                if (last is not null && last.Folded.Length >= 4)
                {
                    surnames.Add(last.Surface, person);
                }
            }
        }

        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Tokens.Count; i++)
            {
                if (sentence.IsCovered(i) || sentence.Cues.Exists(c => i >= c.Start && i < c.End))
                {
                    continue;
                }

                var match = surnames.LongestAt(sentence.Tokens, i);
                if (match is { Values.Count: 1 } && (MatchText.IsArabic(sentence.Tokens[i].Surface) || sentence.Tokens[i].IsCapitalized))
                {
                    sentence.Mentions.Add(new Mention(match.Values[0], match.Start, match.End));
                }
            }
        }
    }

    /// <summary>
    /// People not in the knowledge base, in talent news: a capitalised name of two or three words
    /// introduced as a person — after a role or an organisation ("co-founder John Doe", "Google
    /// DeepMind's Jane Doe"), after a hiring, naming or partner word, as the subject that opens the
    /// sentence ("Mara Lindqvist, a longtime Cohere researcher, is moving to"), right before a talent
    /// verb, or in a list with another person ("A, B and C leave"). In Arabic, a name after a role
    /// noun ("الباحث كريم نصار").
    /// </summary>
    private void AddNewPeople(AnalysedSentence sentence, string language)
    {
        if (language == "ar")
        {
            AddArabicScriptPeople(sentence); // not Persian or Urdu, which spell foreign names their own way
        }

        var talent = sentence.Cues.Where(c => TalentKinds.Contains(c.Kind)).ToList();
        AddArabicNewPeople(sentence, talent);
        if (talent.Count == 0)
        {
            return;
        }

        var tokens = sentence.Tokens;
        var titleCase = IsTitleCase(tokens);
        var runs = new List<(int Start, int End, bool Given)>();
        for (var i = 0; i < tokens.Count;)
        {
            var end = i;
            while (end < tokens.Count && end - i < 6 && IsNameWord(sentence, end) && (end == i || Joined(sentence, end - 1, end)))
            {
                end++;
            }

            // A known given name opens the name; what stands before it is a title ("Video Pioneer Tim Brooks").
            // In a headline that capitalises every word, nothing else can be told from a title.
            var given = Enumerable.Range(i, Math.Max(0, end - i - 1)).Where(k => knowledge.Names.IsGivenName(tokens[k].Folded)).Select(k => (int?)k).FirstOrDefault();
            // A third word that owns what follows is not part of the name: "Vlad Savov Razer's laptop".
            if (end - i >= 3 && end < tokens.Count && tokens[end].Folded == "s" && given is { } owner && end - owner == 3)
            {
                end--;
            }

            if (given is { } k && (!titleCase || knowledge.Names.IsNameWord(tokens[Math.Min(end, k + 2) - 1].Folded)))
            {
                // Three words when the capitals stop there or the third is a known name word; in a longer capitalised run ("Vlad Savov Razer Project Valerie") two.
                var length = end - k >= 3 && (end == k + 3 || knowledge.Names.IsNameWord(tokens[k + 2].Folded)) ? 3 : 2;
                runs.Add((k, Math.Min(end, k + length), true)); // in a headline that capitalises every word the family name must be known too ("San Francisco Submits")
            }
            else if (end - i >= 2 && !titleCase)
            {
                runs.Add((i, Math.Min(end, i + 3), false));
            }

            i = Math.Max(end, i + 1);
        }

        var accepted = new List<(int Start, int End)>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var run in runs.Where(r => !accepted.Contains((r.Start, r.End))).ToList())
            {
                if (IntroducedAsPerson(sentence, run.Start, run.End, talent, run.Given) || InListWithPerson(sentence, (run.Start, run.End), accepted))
                {
                    accepted.Add((run.Start, run.End));
                    changed = true;
                }
            }
        }

        foreach (var (start, end) in accepted)
        {
            sentence.Mentions.Add(new Mention(Reported(sentence, start, end, EntityKind.Person), start, end));
        }
    }

    /// <summary>"Microsoft Bolsters Copilot Team With …": most words capitalised, so capitals do not mark names.</summary>
    private static bool IsTitleCase(IReadOnlyList<Token> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Surface.Length > 3 && token.Surface.All(char.IsLetter) && !MatchText.IsArabic(token.Surface))
            {
                words++;
                capitalised += token.IsCapitalized ? 1 : 0;
            }
        }

        return words >= 4 && capitalised * 10 >= words * 9;
    }

    /// <summary>
    /// "The researcher spent six years at Cohere", "وكان الباحث يعمل في غوغل": a sentence that names
    /// nobody and opens with a back-reference speaks of the person the previous sentences named last.
    /// Returns the person the next sentence may refer back to.
    /// </summary>
    private static KnownEntity? AddBackReference(AnalysedSentence sentence, KnownEntity? lastPerson)
    {
        var people = sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Person).ToList();
        if (people.Count > 0)
        {
            return people.MaxBy(m => m.Start)!.Entity;
        }

        var reference = sentence.Cues.FirstOrDefault(c => c.Kind == CueKind.BackReference && c.Start <= 2);
        if (reference is not null && lastPerson is not null)
        {
            sentence.Mentions.Add(new Mention(lastPerson, reference.Start, reference.End));
        }

        return lastPerson;
    }

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "services", "service", "commission", "committee", "council", "events", "letters", "systems", "system", "labs", "corp", "corporation", "company",
        "foundation", "institute", "agency", "association", "press", "news", "times", "post", "journal", "heat", "now", "bank", "capital", "ventures",
        "partners", "media", "games", "studios", "pictures", "records", "motors", "airlines", "stores", "foods", "engine", "cloud", "platform", "app",
        "apps", "framework", "network", "networks", "party", "court", "department", "ministry", "office", "house", "union", "league", "club", "fc",
        "team", "festival", "fesztival", "awards", "review", "magazine", "daily", "weekly", "radio", "tv", "channel", "studio", "jr", "sr", "justice",
    };

    private static readonly HashSet<string> UnitNouns = new(StringComparer.Ordinal)
    {
        "lab", "labs", "team", "group", "research", "university", "company", "inc", "model", "models", "unit", "division", "institute", "center", "centre", "office",
    };

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame" };

    private static bool IsNameWord(AnalysedSentence sentence, int index)
    {
        var token = sentence.Tokens[index];
        return token.IsCapitalized && token.Surface.All(c => char.IsLetter(c) || c == '-') && token.Surface.Length > 1 && !MatchText.IsArabic(token.Surface) &&
               !NameStopWords.Contains(token.Folded) && !sentence.IsCovered(index) && !sentence.Cues.Exists(c => index >= c.Start && index < c.End) &&
               !token.Surface.All(char.IsUpper) && !(token.Surface.Length > 1 && char.IsUpper(token.Surface[1])) && token.Surface.Skip(1).Count(char.IsUpper) < 2; // not "MKGeodesicPolyline"
    }

    private static bool IntroducedAsPerson(AnalysedSentence sentence, int start, int end, List<Cue> talent, bool given)
    {
        if (end < sentence.Tokens.Count && Joined(sentence, end - 1, end) && UnitNouns.Contains(sentence.Tokens[end].Folded))
        {
            return false; // "Amazon's Artificial Intelligence Lab": the name of a unit, not of a person
        }

        var possessive = start > 0 && sentence.Tokens[start - 1].Folded == "s" ? start - 1 : start; // "Google DeepMind's Jane Doe"
        // A role written in lower case or an honorific may stand between: "sacks chief operating officer Tara Quinn", "hires Professor Élise Morel".
        var gap = start;
        while (gap > 0 && start - gap < 5 && (!sentence.Tokens[gap - 1].IsCapitalized || Honorifics.Contains(sentence.Tokens[gap - 1].Folded)) &&
               !sentence.IsCovered(gap - 1) && !sentence.Cues.Exists(c => c.End == gap))
        {
            gap--;
        }

        // Strong signs of a person: a role, hiring or naming word right before ("chief operating officer Tara Quinn"), or a role in an apposition right after ("Amar Subramanya, a 16-year veteran of Google,").
        var role = sentence.Cues.Exists(c => (c.End == start || c.End == gap) && c.Kind is CueKind.Descriptor or CueKind.Hire or CueKind.Appoint or CueKind.Oust or CueKind.Partner or CueKind.Superior or CueKind.Group);
        var apposition = end < sentence.Tokens.Count && sentence.Between(end - 1, end).Contains(',');
        // … or a relative clause about a person ("Milan Kovac, who ran Tesla's robot program,").
        var describedAfter = apposition && (sentence.Cues.Exists(c => c.Kind == CueKind.Descriptor && c.Start >= end && c.Start - end <= 4) ||
                                            sentence.Tokens[end].Folded is "who" or "qui" or "الذي" or "التي");
        // Weaker signs, enough with a known given name: an organisation before ("Google DeepMind's Jane Doe"), a talent verb right after, the subject that opens the sentence.
        var organisation = sentence.Mentions.FirstOrDefault(m => (m.End == start || m.End == possessive) && m.Entity.Kind == EntityKind.Org);
        // "poaches Google DeepMind's Amar Subramanya": the hiring verb right before the organisation is a strong sign.
        role |= organisation is not null && sentence.Cues.Exists(c => c.End == organisation.Start && c.Kind is CueKind.Hire or CueKind.Appoint or CueKind.Oust);
        var after = talent.Exists(c => c.Start >= end && c.Start <= end + 2);
        var opens = (start == 0 || AfterOpeningPhrase(sentence, start)) && talent.Exists(c => c.Start >= end);
        // Without a known given name, a strong sign is needed, and no word of an organisation's or a product's name ("Nuclear Regulatory Commission", "Cognitive Services").
        var organisationWords = Enumerable.Range(start, end - start).Any(i => OrganisationWords.Contains(sentence.Tokens[i].Folded));
        return (given && (role || describedAfter || organisation is not null || after || opens)) || (!organisationWords && (role || describedAfter));
    }

    /// <summary>"On Tuesday, Amar Subramanya, …": the subject after a short opening phrase and its comma.</summary>
    private static bool AfterOpeningPhrase(AnalysedSentence sentence, int start) =>
        start <= 4 && sentence.Between(start - 1, start).Contains(',') && !sentence.Mentions.Exists(m => m.Start < start) && !sentence.Cues.Exists(c => c.Start < start);

    /// <summary>
    /// "Pachocki Takes the Helm", "ماسك يستعد لإطلاق …": in an item that names an organisation or a
    /// model, a family name alone stands for the one known person who carries it — a person the
    /// project curated whatever the name (unless it is an everyday word), one known only from author
    /// lists when the name is long enough and they worked at an organisation the item names (or whose
    /// model it names).
    /// </summary>
    private void AddKnownSurnames(List<AnalysedSentence> sentences)
    {
        var orgIds = sentences.SelectMany(s => s.Mentions)
            .Select(m => m.Entity.Kind == EntityKind.Model ? knowledge.Get(m.Entity.MakerId) : m.Entity.Kind == EntityKind.Org ? m.Entity : null)
            .OfType<KnownEntity>().Select(o => knowledge.OutputOrg(o).Id).ToHashSet(StringComparer.Ordinal);
        if (orgIds.Count == 0)
        {
            return;
        }

        bool WorkedThere(KnownEntity person) =>
            person.Affiliations.Any(a => knowledge.Get(a.OrgId) is { } org && orgIds.Contains(knowledge.OutputOrg(org).Id)) ||
            person.Appearances.Any(a => a.OrgIds.Any(id => knowledge.Get(id) is { } org && orgIds.Contains(knowledge.OutputOrg(org).Id)));

        foreach (var sentence in sentences)
        {
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                var arabic = MatchText.IsArabic(token.Surface);
                // Not the last word of a longer name ("San Jose", "Bertrand Russell"): a capitalised word before it that is no role or title word.
                var afterName = i > 0 && !arabic && tokens[i - 1].IsCapitalized && Joined(sentence, i - 1, i) && !sentence.IsCovered(i - 1) &&
                                !sentence.Cues.Exists(c => c.End == i) && !NameStopWords.Contains(tokens[i - 1].Folded);
                if (afterName || sentence.IsCovered(i) || sentence.Cues.Exists(c => i >= c.Start && i < c.End) || token.Folded.Length < 4 ||
                    (!arabic && (!token.IsCapitalized || token.Surface.All(char.IsUpper))) ||
                    (i + 1 < tokens.Count && !arabic && tokens[i + 1].IsCapitalized && !sentence.IsCovered(i + 1) && !sentence.Cues.Exists(c => c.Start == i + 1) && Joined(sentence, i, i + 1)))
                {
                    continue; // a family name alone, not the first word of a longer name
                }

                // A person the project curated (facts, lexicon: "Musk", "ماسك", "Altman") in an item about organisations or models; one known only from author lists where they worked.
                if (knowledge.Names.OnlyCarrierOf(token.Folded) is { } person &&
                    (person.FromDataset ? token.Folded.Length >= 5 && WorkedThere(person) : !CommonSurnames.Contains(token.Folded)))
                {
                    sentence.Mentions.Add(new Mention(person, i, i + 1));
                }
            }
        }
    }

    /// <summary>Family names that are everyday words too: alone they name nobody.</summary>
    private static readonly HashSet<string> CommonSurnames = new(StringComparer.Ordinal)
    {
        "cook", "page", "brown", "young", "king", "rose", "gates", "bush", "hope", "love", "hill", "wood", "stone", "long", "short", "black",
        "white", "green", "bell", "ford", "may", "case", "jobs", "price", "lee", "chan", "wang", "li",
    };

    /// <summary>"Tom Reyes, Aiko Mori and Sven Dahl": a name joined by a comma, "and" or "et" to a person is a person.</summary>
    private static bool InListWithPerson(AnalysedSentence sentence, (int Start, int End) run, List<(int Start, int End)> accepted)
    {
        var tokens = sentence.Tokens;
        bool PersonEndsAt(int index) => accepted.Exists(a => a.End == index) || sentence.Mentions.Exists(m => m.End == index && m.Entity.Kind == EntityKind.Person);
        bool PersonStartsAt(int index) => accepted.Exists(a => a.Start == index) || sentence.Mentions.Exists(m => m.Start == index && m.Entity.Kind == EntityKind.Person);
        bool Comma(int left, int right) => sentence.Between(left, right).Contains(',');
        bool Conjunction(int index) => index >= 0 && index < tokens.Count && tokens[index].Folded is "and" or "et" or "&";
        var previous = run.Start > 0 && ((Conjunction(run.Start - 1) && PersonEndsAt(run.Start - 1)) || (Comma(run.Start - 1, run.Start) && PersonEndsAt(run.Start)));
        var next = run.End < tokens.Count && ((Conjunction(run.End) && PersonStartsAt(run.End + 1)) || (Comma(run.End - 1, run.End) && PersonStartsAt(run.End) && !accepted.Contains(run)));
        return previous || next;
    }
}
