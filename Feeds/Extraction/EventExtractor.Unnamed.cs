using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Moves whose mover the sentence does not name — "Anthropic poaches Google DeepMind talent",
/// "Former OpenAI Chief Scientist Announces New Company", "غادر كبير باحثي … لدى أبل" — and how they
/// complete the move of the person another sentence names (the title often names one side, the
/// first sentence the other).
/// </summary>
public sealed partial class EventExtractor
{
    private static readonly HashSet<string> FormerWords = new(StringComparer.Ordinal) { "ex", "former", "ancien", "ancienne", "anciens", "السابق", "السابقه" };

    private static readonly HashSet<string> FounderWords = new(StringComparer.Ordinal)
    {
        "co founder", "cofounder", "founder", "co founders", "founders", "co fondateur", "cofondateur", "cofondatrice", "fondateur", "fondatrice", "مؤسس", "المؤسس", "مؤسسي",
    };

    /// <summary>Reads the talent cues of a clause that have no named subject but a described one ("former OpenAI safety lead", "a dozen engineers").</summary>
    private static void ReadUnnamed(AnalysedSentence sentence, (int Start, int End) clause, PersonReport unnamed)
    {
        var cues = sentence.Cues.Where(c => c.Start >= clause.Start && c.End <= clause.End).ToList();
        if (cues.Exists(c => c.Kind is CueKind.Remain or CueKind.Negative))
        {
            return;
        }

        var mentions = sentence.Mentions.Where(m => m.Start >= clause.Start && m.End <= clause.End).ToList();
        foreach (var cue in cues.Select(c => c.Kind == CueKind.Launch && LaunchesCompany(sentence, c, mentions) ? c with { Kind = CueKind.Found } : c).Where(c => TalentKinds.Contains(c.Kind)))
        {
            var hires = cue.Kind is CueKind.Hire or CueKind.Oust or CueKind.Lose;
            if (mentions.Exists(m => m.Entity.Kind == EntityKind.Person && (hires ? m.Start >= cue.End && m.Start - cue.End <= 4 : Math.Abs(m.Start - cue.Start) <= 6)))
            {
                continue; // someone is named: ReadTalent reads it
            }

            // The unnamed subject: a role or group word before the verb ("Former OpenAI Chief Scientist announces"), or after it when it hires or comes first (Arabic).
            // "ex-Twitter", "former OpenAI": a word that describes the organisation after it is not the subject.
            var subject = cues.Where(c => c.Kind is CueKind.Descriptor or CueKind.Group && c != cue &&
                                          ((c.End <= cue.Start && cue.Start - c.End <= 4) || (c.Start >= cue.End && c.Start - cue.End <= 3)) &&
                                          !(FormerWords.Contains(MatchText.Fold(c.Surface)) && mentions.Exists(m => m.Entity.Kind == EntityKind.Org && m.Start == c.End)))
                .OrderBy(c => Math.Min(Math.Abs(cue.Start - c.End), Math.Abs(c.Start - cue.End)))
                .FirstOrDefault();
            if (subject is null)
            {
                continue;
            }

            var (from, to) = Objects(sentence, cue, cues, mentions);
            var employer = mentions.LastOrDefault(m => m.Entity.Kind == EntityKind.Org && m.End <= Math.Min(cue.Start, subject.Start));
            // The organisation the unnamed subject is described by: "former OpenAI safety lead", "Google DeepMind talent".
            var described = mentions.FirstOrDefault(m => m.Entity.Kind == EntityKind.Org && m != employer &&
                                                         ((m.Start >= Math.Min(subject.Start, cue.End) && m.End <= Math.Max(subject.End, cue.Start) + 1) || (m.End <= subject.Start && subject.Start - m.End <= 2 && m.Start >= cue.End)));
            if (hires)
            {
                (from, to) = cue.Kind switch
                {
                    CueKind.Oust => (employer, null),
                    CueKind.Lose => (employer ?? from, to),
                    _ => (described ?? from, employer ?? to),
                };
            }
            else if (!FounderWords.Contains(MatchText.Normalize(subject.Surface)))
            {
                from ??= described; // a founder of OpenAI who founds anew is not said to leave it
            }

            unnamed.Kinds.Add(cue.Kind);
            unnamed.Why.Add($"\"{cue.Surface}\" ({cue.Kind}) of an unnamed \"{subject.Surface}\" in the {(sentence.IsTitle ? "title" : "summary")}{(from is null ? string.Empty : $", from \"{from.Entity.Name}\"")}{(to is null ? string.Empty : $", to \"{to.Entity.Name}\"")}");
            if (from is not null)
            {
                unnamed.ExplicitFrom.Add(from.Entity);
            }

            if (to is not null && to.Entity.Id != from?.Entity.Id)
            {
                unnamed.ExplicitTo.Add(to.Entity);
            }
        }
    }

    /// <summary>
    /// The named movers take the sides the unnamed move names and they lack: "Anthropic poaches
    /// Google DeepMind talent" and then "Neil Houlsby would be leading the new office" is Google
    /// DeepMind → Anthropic. When nobody named has a move of their own, the only person the item
    /// names, or the people of one list, who are not bystanders, are the unnamed movers.
    /// </summary>
    private static void CompleteFromUnnamed(PersonReport unnamed, Dictionary<string, PersonReport> reports, List<AnalysedSentence> sentences)
    {
        if (unnamed.Kinds.Count == 0 || (unnamed.ExplicitFrom.Count == 0 && unnamed.ExplicitTo.Count == 0))
        {
            return;
        }

        var movers = reports.Values.Where(r => r.Kinds.Count > 0).ToList();
        if (movers.Count == 0)
        {
            // Nobody named has a move: the one person named, or the people of one list ("… كلًا من A، وB، وC"), who are not bystanders.
            var named = sentences.SelectMany(s => s.Mentions.Where(m => m.Entity.Kind == EntityKind.Person && !IsBystander(s, m, s.Cues, s.Mentions)).Select(m => (Sentence: s, Mention: m))).DistinctBy(n => n.Mention.Entity.Id).ToList();
            var listed = named.Count > 1 && named.All(n => n.Sentence == named[0].Sentence) &&
                         ListedWithFirst(named[0].Sentence, [.. named.Select(n => n.Mention)]).Count == named.Count;
            if (named.Count != 1 && !listed)
            {
                return;
            }

            movers = [.. named.Select(n => reports.TryGetValue(n.Mention.Entity.Id, out var existing) ? existing
                : reports[n.Mention.Entity.Id] = new PersonReport(n.Mention.Entity) { Evidence = n.Sentence.Text, InTitle = n.Sentence.IsTitle })];
        }

        foreach (var report in movers)
        {
            report.Kinds.UnionWith(unnamed.Kinds);
            if (report.ExplicitTo.Count == 0 && unnamed.ExplicitTo.FirstOrDefault(o => !report.ExplicitFrom.Exists(f => f.Id == o.Id)) is { } to)
            {
                report.ExplicitTo.Add(to);
                report.Why.Add($"to \"{to.Name}\" from the unnamed move: {string.Join("; ", unnamed.Why)}");
            }

            if (report.ExplicitFrom.Count == 0 && unnamed.ExplicitFrom.FirstOrDefault(o => !report.ExplicitTo.Exists(t => t.Id == o.Id)) is { } from)
            {
                report.ExplicitFrom.Add(from);
                report.Why.Add($"from \"{from.Name}\" from the unnamed move: {string.Join("; ", unnamed.Why)}");
            }
        }
    }
}
