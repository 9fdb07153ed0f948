using System.Text.RegularExpressions;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Finds who moved where and which models shipped in a news item, in English, French and Arabic,
/// from the knowledge base's names and each language's cue words. Precision first: an event needs
/// a known or clearly introduced person (or a model) and a cue in the same clause.
/// </summary>
public sealed partial class EventExtractor(KnowledgeBase knowledge)
{
    private static readonly HashSet<CueKind> TalentKinds = [CueKind.Depart, CueKind.StepDown, CueKind.Join, CueKind.Hire, CueKind.Appoint, CueKind.Found, CueKind.Return, CueKind.Oust, CueKind.Lose];

    private static readonly HashSet<string> Variants = new(StringComparer.Ordinal)
    {
        "pro", "flash", "mini", "nano", "ultra", "opus", "sonnet", "haiku", "scout", "maverick", "behemoth", "max", "turbo",
        "small", "medium", "large", "lite", "instruct", "coder", "vl", "omni", "plus", "thinking", "reasoner", "preview", "exp", "air", "fast",
        "heavy", "edit", "image", "vision", "audio", "realtime", "oss", "nano", "codex", "deep", "research",
    };

    /// <summary>Model variant words as Arabic news writes them.</summary>
    private static readonly Dictionary<string, string> ArabicVariants = new(StringComparer.Ordinal)
    {
        ["بيهيموث"] = "Behemoth",
        ["سكاوت"] = "Scout",
        ["مافريك"] = "Maverick",
        ["برو"] = "Pro",
        ["فلاش"] = "Flash",
        ["ميني"] = "Mini",
        ["اوبس"] = "Opus",
        ["سونيت"] = "Sonnet",
        ["هايكو"] = "Haiku",
        ["الترا"] = "Ultra",
        ["نانو"] = "Nano",
    };

    /// <summary>Words that may stand between a launch verb and the model's name: "releases its agent model K2 Thinking".</summary>
    private static readonly HashSet<string> LaunchFiller = new(StringComparer.Ordinal)
    {
        "its", "the", "a", "an", "new", "open", "weight", "weights", "source", "agent", "agentic", "model", "reasoning", "coding", "world", "flagship", "video",
        "image", "his", "her", "their", "latest", "next", "son", "sa", "ses", "nouveau", "nouvelle", "le", "la", "les", "modele", "nouveaux", "عن", "نموذج",
        "نموذجها", "نموذجه", "النموذج", "الجديد", "الجديده", "of",
    };

    private static readonly HashSet<string> SizeWords = new(StringComparer.Ordinal) { "small", "medium", "large", "mini", "nano", "lite", "tiny" };

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "co founder", "cofounder", "founder", "chief scientist", "chief executive", "chief technology officer", "chief research officer", "ceo", "cto",
        "president", "head of", "head", "director", "vice president", "researcher", "research scientist", "engineer", "lead", "co lead",
        "cofondateur", "directeur", "directrice", "chercheur", "ingénieur", "pdg", "président", "مؤسس", "رئيس", "مدير", "قائد", "كبير العلماء", "الباحث", "مهندس",
    };

    private static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "in", "on", "at", "for", "from", "with", "after", "before", "and", "or", "of", "by", "as", "it", "its",
        "he", "she", "they", "we", "i", "his", "her", "their", "ai", "ceo", "cto", "chief", "head", "inc", "labs", "lab", "research", "university", "group",
        "team", "company", "startup", "model", "models", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "le", "la", "les", "un", "une", "des", "du",
        "de", "et", "chez", "pour", "apres", "avec", "dans", "sur", "former", "new", "senior", "top", "star", "its", "our", "your",
        "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame", "exclusive", "sources", "report", "update", "breaking", "longtime", "veteran",
        "early", "three", "two", "four", "several", "whose", "who", "ex", "ancien", "ancienne", "will", "says", "said", "reportedly",
        "prize", "award", "awards", "laureate", "medal", "winning", "winner", "gov", "governor", "senator", "minister", "president", "sen", "rep",
        "justice", "judge", "jr", "sr",
    };

    private readonly TokenTrie<CueKind> _cues = CueLexicon.Trie;

    public Extraction Extract(string title, string? summary, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = Clean(title);
        summary = summary is null ? null : Clean(summary);
        var text = title + " " + summary;
        var lang = language ?? LanguageDetector.Detect(text);
        var sentences = Sentences(title, summary ?? string.Empty).Select(s => Analyse(s.Text, s.IsTitle)).ToList();
        AddSurnameMentions(sentences);
        KnownEntity? lastPerson = null;
        foreach (var sentence in sentences)
        {
            AddNewPeople(sentence, lang);
            AddPatternModels(sentence);
            lastPerson = AddBackReference(sentence, lastPerson);
        }

        AddKnownSurnames(sentences);
        foreach (var sentence in sentences)
        {
            sentence.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        var reports = new Dictionary<string, PersonReport>(StringComparer.Ordinal);
        KnownEntity? hiringOrg = null;
        var events = new List<ExtractedEvent>();
        var unnamed = new PersonReport(new KnownEntity { Id = "person:unnamed", Kind = EntityKind.Person, Name = string.Empty });
        foreach (var sentence in sentences)
        {
            foreach (var clause in sentence.Clauses)
            {
                hiringOrg = ReadTalent(sentence, clause, reports) ?? hiringOrg;
                ReadUnnamed(sentence, clause, unnamed);
                events.AddRange(ReadLaunches(sentence, clause));
            }
        }

        CompleteFromUnnamed(unnamed, reports, sentences);

        var orgMentions = sentences.SelectMany(s => s.Mentions.Where(m => m.Entity.Kind == EntityKind.Org).Select(m => knowledge.OutputOrg(m.Entity))).DistinctBy(e => e.Id).ToList();
        var moves = new List<Move>();
        foreach (var report in reports.Values.Where(r => r.Kinds.Count > 0))
        {
            var (talentEvent, move) = Resolve(report, orgMentions, hiringOrg);
            events.Add(talentEvent);
            if (move is not null)
            {
                moves.Add(move);
            }
        }

        var models = Models(sentences);
        events.RemoveAll(e => e.Model is not null && !models.Exists(m => m.Name == e.Model)); // "Llama 4" stood for Behemoth
        var orgs = Orgs(sentences, models, moves);
        var people = sentences.SelectMany(s => s.Mentions).Where(m => m.Entity.Kind == EntityKind.Person).Select(m => m.Entity.Name).Distinct(StringComparer.Ordinal).ToList();
        var topics = new List<Topic>();
        if (events.Exists(e => e.Person is not null))
        {
            topics.Add(Topic.Talent);
        }

        if (events.Exists(e => e.Model is not null))
        {
            topics.Add(Topic.Launches);
        }

        // Nobody or nothing named, the story all the same: "xAI lures a dozen engineers away from Tesla",
        // "Anthropic pushes back its next flagship model".
        if (!topics.Contains(Topic.Talent) && sentences.Exists(s => s.Clauses.Exists(c => Unnamed(s, c, CueKind.Group, TalentKinds.Contains))))
        {
            topics.Add(Topic.Talent);
        }

        if (!topics.Contains(Topic.Launches) && sentences.Exists(s => s.Clauses.Exists(c => Unnamed(s, c, CueKind.ModelNoun, k => k is CueKind.Launch or CueKind.Delay))))
        {
            topics.Add(Topic.Launches);
        }

        var newNames = sentences.SelectMany(s => s.Mentions).Select(m => m.Entity)
            .Where(e => e.Reported && e.Kind is EntityKind.Person or EntityKind.Model && (people.Contains(e.Name) || models.Exists(m => m.Name == e.Name)))
            .DistinctBy(e => e.Name)
            .Select(e => new NewName(e.Kind, e.Name, e.ArabicNames, e.MakerId))
            .ToList();
        return new Extraction(lang, topics, events, people, orgs, [.. models.Select(m => m.Name)], moves, newNames);
    }

    /// <summary>A clause with a group or model word, a verb of the right kind and an organisation, and nothing that says it is another kind of story.</summary>
    private static bool Unnamed(AnalysedSentence sentence, (int Start, int End) clause, CueKind noun, Func<CueKind, bool> verb)
    {
        if (!sentence.Cues.Exists(c => c.Kind == noun))
        {
            return false;
        }

        var cues = sentence.Cues.Where(c => c.Start >= clause.Start && c.End <= clause.End).ToList();
        return cues.Exists(c => c.Kind == noun) && cues.Exists(c => verb(c.Kind)) && !cues.Exists(c => c.Kind is CueKind.Negative or CueKind.Remain) &&
               sentence.Mentions.Exists(m => m.Entity.Kind == EntityKind.Org && m.Start >= clause.Start && m.End <= clause.End);
    }

    private AnalysedSentence Analyse(string text, bool isTitle)
    {
        var tokens = MatchText.Tokenize(text);
        var sentence = new AnalysedSentence(text, isTitle, tokens);
        sentence.Mentions.AddRange(knowledge.FindMentions(tokens));
        foreach (var match in _cues.FindAll(tokens))
        {
            if (!Enumerable.Range(match.Start, match.End - match.Start).Any(sentence.IsCovered))
            {
                var surface = text[tokens[match.Start].Start..tokens[match.End - 1].End];
                // A plural that is both a role and a group ("chercheurs", "باحثين") reads as a group: nobody is named by it.
                var kind = match.Values.Contains(CueKind.Group) ? CueKind.Group : match.Values.Min();
                sentence.Cues.Add(new Cue(kind, match.Start, match.End, surface));
            }
        }

        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var semicolon = i > 0 && sentence.Between(i - 1, i).IndexOfAny(";؛") >= 0;
            var breaks = sentence.Cues.Exists(c => c.Kind == CueKind.ClauseBreak && c.Start == i);
            if ((semicolon || breaks) && i > start)
            {
                sentence.Clauses.Add((start, i));
                start = i;
            }
        }

        sentence.Clauses.Add((start, tokens.Count));
        return sentence;
    }

    private void AddPatternModels(AnalysedSentence sentence)
    {
        var tokens = sentence.Tokens;

        // A known model with a newer version after it: "Mistral Large 2".
        foreach (var known in sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Model).ToList())
        {
            var end = known.End;
            while (end < tokens.Count && (IsVersion(tokens[end].Folded) || Variants.Contains(tokens[end].Folded)) && !sentence.IsCovered(end) && !sentence.Cues.Exists(c => c.Start == end))
            {
                end++;
            }

            if (end > known.End)
            {
                sentence.Mentions.Remove(known);
                var written = sentence.Text[tokens[known.Start].Start..tokens[end - 1].End];
                sentence.Mentions.Add(new Mention(Known(written) ?? Reported(sentence, known.Start, end, EntityKind.Model, known.Entity.MakerId), known.Start, end));
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var found = knowledge.FamilyAt(tokens, i);
            if (found is not { } hit)
            {
                continue;
            }

            var (family, end) = hit;
            var familyToken = MatchText.Fold(family.Name);
            if (familyToken.Length == 2 && familyToken[0] == 'o' && !tokens[i].Surface.StartsWith('o') && !KnowledgeBase.IsShouting(tokens) &&
                !sentence.Mentions.Exists(m => m.Entity.Kind == EntityKind.Org && m.Entity.Id == family.MakerId))
            {
                continue; // "O1 visa" is not OpenAI's o1
            }

            var glued = end == i + 1 && tokens[i].Folded.Length > familyToken.Length && tokens[i].Folded.StartsWith(familyToken, StringComparison.Ordinal) &&
                        !familyToken.Contains(' ', StringComparison.Ordinal);
            var j = end;
            while (j < tokens.Count && IsModelPart(tokens, j, j == end) && !sentence.Cues.Exists(c => c.Start == j && c.Kind != CueKind.Descriptor))
            {
                j++;
            }

            if (j == end && !glued && !family.Standalone && !FamilyAlone(sentence, family, i, end))
            {
                continue;
            }

            var overlapped = sentence.Mentions.Where(m => m.Start < j && m.End > i).ToList();
            if (overlapped.Exists(m => m.Start < i || m.End > j || (m.Entity.Kind == EntityKind.Model && m.End - m.Start >= j - i)))
            {
                continue; // a known name covers it as well or better
            }

            if (overlapped.Exists(m => m.Entity.Kind == EntityKind.Person))
            {
                continue;
            }

            sentence.Mentions.RemoveAll(overlapped.Contains);
            var name = Canonical(sentence, family, i, end, j);
            sentence.Mentions.Add(new Mention(Known(name) ?? Reported(sentence, i, j, EntityKind.Model, family.MakerId) with { Name = name }, i, j));
            i = j - 1;
        }

        AddLaunchedModels(sentence);
    }

    /// <summary>
    /// A family name with no version names the family when it is written as a name and the sentence
    /// says it is a model's: its maker is named ("Google … Gemini"), or a model, product-team or role
    /// word is beside it ("Gemini researcher", "AI chatbot Grok").
    /// </summary>
    private bool FamilyAlone(AnalysedSentence sentence, ModelFamily family, int start, int end)
    {
        if ((!MatchText.IsArabic(sentence.Tokens[start].Surface) && !sentence.Tokens[start].IsCapitalized) ||
            (start > 0 && sentence.Tokens[start - 1].Folded is "chat" or "شات") || // "شات جي بي تي" is ChatGPT, the product
            sentence.Mentions.Exists(m => m.Start < end && m.End > start) || knowledge.Find(family.Name, EntityKind.Org) is not null ||
            CommonWordFamilies.Contains(MatchText.Fold(family.Name)))
        {
            return false; // "Mistral", "DeepSeek" alone are the companies
        }

        var maker = knowledge.Get(family.MakerId);
        var makerNamed = maker is not null && sentence.Mentions.Exists(m => m.Entity.Kind == EntityKind.Org && knowledge.Root(m.Entity).Id == knowledge.Root(maker).Id);
        var described = sentence.Cues.Exists(c => (c.Start == end || c.End == start) && c.Kind is CueKind.ModelNoun or CueKind.Descriptor or CueKind.Group);
        return makerNamed || described;
    }

    /// <summary>Family names that are everyday words too: alone they name nothing.</summary>
    private static readonly HashSet<string> CommonWordFamilies = new(StringComparer.Ordinal) { "command", "nova", "phi", "solar", "granite", "genie", "wan", "ernie", "aya", "flux" };

    /// <summary>A version or variant after a family name: "4.5", "Pro", "A" (Command A), "بيهيموث".</summary>
    private static bool IsModelPart(IReadOnlyList<Token> tokens, int index, bool first) =>
        IsVersion(tokens[index].Folded) || Variants.Contains(tokens[index].Folded) || ArabicVariants.ContainsKey(tokens[index].Folded) ||
        (first && tokens[index].Surface.Length == 1 && char.IsUpper(tokens[index].Surface[0]));

    /// <summary>The name as Radar writes it: the text's spelling, with an Arabic family or variant word in its Latin form ("كلود 4.5" → "Claude 4.5").</summary>
    private static string Canonical(AnalysedSentence sentence, ModelFamily family, int start, int familyEnd, int end)
    {
        var tokens = sentence.Tokens;
        if (!MatchText.IsArabic(tokens[start].Surface) && !tokens.Skip(familyEnd).Take(end - familyEnd).Any(t => MatchText.IsArabic(t.Surface)))
        {
            return sentence.Text[tokens[start].Start..tokens[end - 1].End];
        }

        var familyName = MatchText.IsArabic(tokens[start].Surface) ? family.Name : sentence.Text[tokens[start].Start..tokens[familyEnd - 1].End];
        var rest = tokens.Skip(familyEnd).Take(end - familyEnd).Select(t => ArabicVariants.TryGetValue(t.Folded, out var latin) ? latin : t.Surface);
        return string.Join(' ', rest.Prepend(familyName));
    }

    /// <summary>The known model a written name stands for, also glued ("Qwen 3" is Qwen3).</summary>
    private KnownEntity? Known(string name)
    {
        var known = knowledge.Find(name, EntityKind.Model);
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        known ??= space > 0 && space + 1 < name.Length && char.IsDigit(name[space + 1]) ? knowledge.Find(name.Remove(space, 1), EntityKind.Model) : null;
        // "Claude 4 Opus" is Claude Opus 4: the version written before the variant.
        var words = name.Split(' ');
        if (known is null && words.Length >= 3 && IsVersion(MatchText.Fold(words[1])) && words.Skip(2).All(w => Variants.Contains(MatchText.Fold(w))))
        {
            known = knowledge.Find(string.Join(' ', words.Skip(2).Prepend(words[0]).Append(words[1])), EntityKind.Model);
        }

        return known;
    }

    /// <summary>
    /// A model named right after a launch verb, the knowledge base knowing neither it nor its family:
    /// "unveils Genie 3", "open-sources V-JEPA 2", "releases its agent model K2 Thinking", "codenamed
    /// Orion". The name needs a version, or a "model" word or "codenamed" to introduce it; a bare code
    /// ("R2") takes the maker's family name when the maker has one.
    /// </summary>
    private void AddLaunchedModels(AnalysedSentence sentence)
    {
        var tokens = sentence.Tokens;
        foreach (var cue in sentence.Cues.Where(c => c.Kind is CueKind.Launch or CueKind.Delay or CueKind.Codename).ToList())
        {
            var start = cue.End;
            var introduced = cue.Kind == CueKind.Codename;
            while (start < tokens.Count && LaunchFiller.Contains(tokens[start].Folded) && !sentence.IsCovered(start) && start - cue.End < 4)
            {
                introduced |= sentence.Cues.Exists(c => c.Kind == CueKind.ModelNoun && c.Start == start);
                start++;
            }

            var end = start;
            while (end < tokens.Count && end - start < 4 && !sentence.IsCovered(end) && !sentence.Cues.Exists(c => c.Start == end && c.Kind != CueKind.Descriptor) &&
                   (tokens[end].IsCapitalized || tokens[end].Folded.Any(char.IsDigit) || (end > start && Variants.Contains(tokens[end].Folded))) &&
                   !NameStopWords.Contains(tokens[end].Folded) && !MatchText.IsArabic(tokens[end].Surface))
            {
                end++;
            }

            if (end == start || sentence.Mentions.Exists(m => m.Start < end && m.End > start) || !Enumerable.Range(start, end - start).Any(k => tokens[k].Folded.Any(char.IsLetter)))
            {
                continue;
            }

            var described = sentence.Cues.Exists(c => c.Kind == CueKind.ModelNoun && c.Start >= end && c.Start <= end + 3);
            if (!introduced && !described && !Enumerable.Range(start, end - start).Any(k => tokens[k].Folded.Any(char.IsDigit)))
            {
                continue;
            }

            var maker = sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Org && m.End <= cue.Start).Select(m => knowledge.OutputOrg(m.Entity)).LastOrDefault();
            var name = sentence.Text[tokens[start].Start..tokens[end - 1].End];
            var families = maker is null ? [] : knowledge.Families.Where(f => f.MakerId == maker.Id).ToList();
            if (end - start <= 2 && BareCode().IsMatch(tokens[start].Folded) && families.Count == 1)
            {
                name = families[0].Name + " " + name; // "DeepSeek ships R2": DeepSeek R2
            }

            sentence.Mentions.Add(new Mention(Known(name) ?? Reported(sentence, start, end, EntityKind.Model, maker?.Id) with { Name = name }, start, end));
        }
    }

    /// <summary>A person or model the knowledge base does not know, named as the text writes it.</summary>
    private static KnownEntity Reported(AnalysedSentence sentence, int start, int end, EntityKind kind, string? maker = null) => new()
    {
        Id = kind.ToString().ToLowerInvariant() + ":reported:" + string.Join('-', sentence.Tokens.Skip(start).Take(end - start).Select(t => t.Folded)),
        Kind = kind,
        Name = sentence.Text[sentence.Tokens[start].Start..sentence.Tokens[end - 1].End],
        MakerId = maker,
        Reported = true,
    };

    private static bool IsVersion(string token) => VersionPattern().IsMatch(token);

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

    private IEnumerable<ExtractedEvent> ReadLaunches(AnalysedSentence sentence, (int Start, int End) clause)
    {
        var cues = sentence.Cues.Where(c => c.Start >= clause.Start && c.End <= clause.End).ToList();
        var trigger = cues.FirstOrDefault(c => c.Kind == CueKind.Delay) ?? cues.FirstOrDefault(c => c.Kind == CueKind.Launch);
        if (trigger is null)
        {
            yield break;
        }

        var models = sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Model && m.Start >= clause.Start && m.End <= clause.End).ToList();
        if (cues.Exists(c => c.Kind == CueKind.Negative) && !models.Exists(m => !m.Entity.Reported))
        {
            yield break;
        }

        var comparison = cues.Where(c => c.Kind == CueKind.Comparison && c.Start > trigger.Start).Select(c => (int?)c.Start).Min() ?? int.MaxValue;
        var launched = models.Where(m => m.Start >= trigger.End && m.Start < comparison).ToList();
        if (launched.Count == 0)
        {
            // The subject right before the verb ("Grok 3 drops Monday"), not a model named further back.
            launched = [.. models.Where(m => m.End <= trigger.Start && trigger.Start - m.End <= 3 &&
                                              !sentence.Mentions.Exists(p => p.Entity.Kind == EntityKind.Person && p.Start >= m.End && p.End <= trigger.Start)).TakeLast(1)];
        }

        foreach (var model in launched)
        {
            var maker = knowledge.Get(model.Entity.MakerId);
            yield return new ExtractedEvent(
                trigger.Kind == CueKind.Delay ? EventKind.ModelDelay : EventKind.ModelLaunch,
                null, null, null, null, model.Entity.Name, maker is null ? null : knowledge.OutputOrg(maker).Name,
                sentence.IsTitle ? 0.9 : 0.7, sentence.Text, $"\"{trigger.Surface}\" ({trigger.Kind}) in the {(sentence.IsTitle ? "title" : "summary")}, the model {(model.Start >= trigger.End ? "after" : "before")} it");
        }
    }

    private static List<KnownEntity> Models(List<AnalysedSentence> sentences)
    {
        var models = sentences.SelectMany(s => s.Mentions).Select(m => m.Entity).Where(e => e.Kind == EntityKind.Model).DistinctBy(e => e.Name).ToList();
        var folded = models.ToDictionary(m => m, m => MatchText.Normalize(m.Name));

        // "Large 2" after "Mistral Large 2": the same model, its maker's name left out.
        models.RemoveAll(m => m.Reported && models.Exists(full => full != m && folded[full].EndsWith(" " + folded[m], StringComparison.Ordinal)));

        // "Magistral Small" and "Magistral Medium" beside "Magistral": one model, in sizes.
        models.RemoveAll(m => models.Exists(root => root != m && folded[m].StartsWith(folded[root] + " ", StringComparison.Ordinal) &&
                                                     folded[m][(folded[root].Length + 1)..].Split(' ').All(SizeWords.Contains)));

        // "Llama 4" or "LLaMA" beside "Llama 4 Scout": the family stands for its named member.
        models.RemoveAll(m => models.Exists(other => other != m && folded[other].Length > folded[m].Length && folded[other].StartsWith(folded[m], StringComparison.Ordinal) &&
                                                   (folded[other][folded[m].Length] == ' ' || char.IsDigit(folded[other][folded[m].Length])))); // "Qwen" beside "Qwen3" too
        return models;
    }

    private List<string> Orgs(List<AnalysedSentence> sentences, List<KnownEntity> models, List<Move> moves)
    {
        var orgs = new List<KnownEntity>();
        foreach (var sentence in sentences)
        {
            foreach (var mention in sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Org))
            {
                // "DeepMind, owned by Google" (ديب مايند التابعة لغوغل): the owner is a description here.
                var describesSubsidiary = sentence.Mentions.Exists(m => m.Entity.OwnedById == mention.Entity.Id && m.End <= mention.Start && mention.Start - m.End <= 3);
                // "according to Bloomberg", "selon Bloomberg", "بحسب رويترز": the outlet is the source, not part of the story.
                var source = sentence.Cues.Exists(c => c.Kind == CueKind.ClauseBreak && c.End == mention.Start && AttributionWords.Contains(MatchText.Normalize(c.Surface)));
                if (!describesSubsidiary && !source)
                {
                    orgs.Add(knowledge.OutputOrg(mention.Entity));
                }
            }
        }

        orgs.AddRange(models.Select(m => knowledge.Get(m.MakerId)).OfType<KnownEntity>().Select(knowledge.OutputOrg));
        return [.. orgs.Select(o => o.Name).Concat(moves.SelectMany(m => new[] { m.From, m.To }).OfType<string>()).Distinct(StringComparer.Ordinal)];
    }

    private static readonly HashSet<string> AttributionWords = new(StringComparer.Ordinal)
    {
        "according to", "citing", "reports", "reported", "selon", "d apres", "rapporte", "بحسب", "وفقا", "وفقا ل", "حسب",
    };

    private static IEnumerable<(string Text, bool IsTitle)> Sentences(string title, string summary)
    {
        foreach (var sentence in SentenceEnd().Split(title))
        {
            if (!string.IsNullOrWhiteSpace(sentence))
            {
                yield return (sentence.Trim(), true);
            }
        }

        foreach (var sentence in SentenceEnd().Split(summary))
        {
            if (!string.IsNullOrWhiteSpace(sentence))
            {
                yield return (sentence.Trim(), false);
            }
        }
    }

    /// <summary>Entities decoded (a feed's "&amp;#8217;" or "&amp;nbsp;" must not split a clause), a "Exclusive:" or "Sources:" label dropped.</summary>
    private static string Clean(string text)
    {
        var decoded = text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
        decoded = decoded.Replace('\u00A0', ' ');
        var head = decoded.AsSpan(0, Math.Min(decoded.Length, 24));
        return head.IndexOfAny(":|–—-") >= 0 ? Label().Replace(decoded, string.Empty) : decoded;
    }

    [GeneratedRegex(@"^\s*(exclusive|sources?|report|update|updated|breaking|scoop|analysis|opinion|confirmed|official|exclusif|info|urgent|عاجل|حصري)\s*[:|–—-]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z]\d+(\.\d+)?$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"\s+(of|de|du)$")]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"(?<=[.!?؟])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(\d+(\.\d+)*[a-z]{0,2}|[vrk]\d+(\.\d+)*|\d+x\d+b)$")]
    private static partial Regex VersionPattern();
}
