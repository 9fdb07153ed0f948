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

    [GeneratedRegex(@"\s+(of|de|du)$")]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"(?<=[.!?؟])\s+|\n+")]
    private static partial Regex SentenceEnd();
}
