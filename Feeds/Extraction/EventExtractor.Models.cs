using System.Text.RegularExpressions;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Reading models: known families with their versions in any order, a family alone beside its
/// maker, a name a launch verb introduces; and the launches and delays of a clause.
/// </summary>
public sealed partial class EventExtractor
{
    /// <summary>Words that may stand between a launch verb and the model's name: "releases its agent model K2 Thinking".</summary>
    private static readonly HashSet<string> LaunchFiller = new(StringComparer.Ordinal)
    {
        "its", "the", "a", "an", "new", "open", "weight", "weights", "source", "agent", "agentic", "model", "reasoning", "coding", "world", "flagship", "video",
        "image", "his", "her", "their", "latest", "next", "son", "sa", "ses", "nouveau", "nouvelle", "le", "la", "les", "modele", "nouveaux", "عن", "نموذج",
        "نموذجها", "نموذجه", "النموذج", "الجديد", "الجديده", "of",
    };

    private static readonly HashSet<string> SizeWords = new(StringComparer.Ordinal) { "small", "medium", "large", "mini", "nano", "lite", "tiny" };

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

    [GeneratedRegex(@"^[a-z]\d+(\.\d+)?$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"^(\d+(\.\d+)*[a-z]{0,2}|[vrk]\d+(\.\d+)*|\d+x\d+b)$")]
    private static partial Regex VersionPattern();
}
