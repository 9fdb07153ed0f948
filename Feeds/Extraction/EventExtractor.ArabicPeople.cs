using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Reading people written in Arabic letters: known people by their Arabic spellings or their sound,
/// and new names after a role word or a verb of moving, kept in Arabic or written in Latin letters
/// from known name words.
/// </summary>
public sealed partial class EventExtractor
{
    private static readonly HashSet<string> ArabicRoleNouns = new(StringComparer.Ordinal)
    {
        "الباحث", "الباحثه", "باحث", "باحثه", "المهندس", "المهندسه", "مهندس", "السابق", "السابقه",
    };

    /// <summary>Common words that stand where a name might (after a verb, a role): never read as names.</summary>
    private static readonly HashSet<string> ArabicNotNames = new[]
    {
        "شركه", "في", "من", "الى", "عن", "على", "مع", "بعد", "قبل", "الذكاء", "الاصطناعي", "الذي", "التي", "سابقا", "يعمل", "كان", "وكان", "لدى",
        "مركز", "مختبر", "فريق", "منصب", "مجلس", "رئيس", "مدير", "نائب", "قسم", "وحده", "مشروع", "برنامج", "نموذج", "منصه", "خدمه", "اداره",
        "عضو", "عضوا", "اكثر", "اول", "اخر", "حيث", "بين", "خلال", "منذ", "عبر", "ضمن", "حول", "نحو", "لها", "له", "هذا", "هذه", "ذلك", "تلك",
        "امس", "اليوم", "يوم", "عام", "شهر", "رسميا", "ايضا", "كما", "وقد", "قد", "لقد", "ان", "انه", "انها", "بان", "كل", "كلا", "بعض",
    }.Select(MatchText.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Known people written in Arabic letters: "يانغ سونغ" is Yang Song, "جان ليك" Jan Leike, when
    /// the two or three words spell one known person's name (<see cref="NameIndex.MatchArabic"/>).
    /// </summary>
    private void AddArabicScriptPeople(AnalysedSentence sentence)
    {
        var tokens = sentence.Tokens;
        // Whether each word may be part of a name, and whether it joins the next one (no comma between), worked out once.
        var may = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            may[k] = MayBeArabicName(sentence, k, crossScript: true);
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!may[i] || !may[i + 1] || !Joined(sentence, i, i + 1) || !knowledge.Names.MayOpenName(tokens[i].Folded))
            {
                continue;
            }

            for (var length = i + 2 < tokens.Count && may[i + 2] && Joined(sentence, i + 1, i + 2) ? 3 : 2; length >= 2; length--)
            {
                var words = new string[length];
                for (var k = 0; k < length; k++)
                {
                    words[k] = tokens[i + k].Folded;
                }

                if (knowledge.Names.MatchArabic(words) is { } person)
                {
                    // A name word that is also a cue word is the name here: "ينفي يانغ" is Yinfei Yang, not "denies".
                    sentence.Cues.RemoveAll(c => c.Start < i + length && c.End > i);
                    sentence.Mentions.Add(new Mention(person, i, i + length));
                    i += length - 1;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// People the knowledge base does not know, in Arabic: two words after a role noun ("الباحث كريم
    /// نصار"), right after a talent verb or verbal noun ("انضمام جيان تشانغ إلى …") when both spell
    /// name words the knowledge base knows, and the next names of a list ("…، وهاوكسوان يو").
    /// </summary>
    private void AddArabicNewPeople(AnalysedSentence sentence, List<Cue> talent)
    {
        var tokens = sentence.Tokens;
        // Where a name may start: after a role noun, after a talent verb, and where a list of names goes on.
        var starts = sentence.Cues.Where(c => c.Kind == CueKind.Descriptor && ArabicRoleNouns.Contains(MatchText.Fold(c.Surface))).Select(c => (c.End, Role: true, List: false))
            .Concat(talent.Select(c => (c.End, Role: false, List: false)))
            .Concat(sentence.Mentions.Where(m => m.Entity.Kind == EntityKind.Person && ListGoesOn(sentence, m.End)).Select(m => (m.End, Role: true, List: true)))
            .ToList();
        for (var k = 0; k < starts.Count; k++)
        {
            var (start, role, list) = starts[k];
            if (start + 2 > tokens.Count || sentence.Mentions.Exists(m => m.Start == start) || !Enumerable.Range(start, 2).All(i => MayBeArabicName(sentence, i)) || !Joined(sentence, start, start + 1))
            {
                continue;
            }

            // "وبايلين وانغ" in a list: the "و" is the list's "and", not the name's.
            var first = tokens[start].Folded;
            var words = new[] { list && first.Length > 4 && first[0] == 'و' ? first[1..] : first, tokens[start + 1].Folded };
            // A foreign name: every word a known name word; in a list of names one is enough ("Bailin Wang").
            var latin = words.Any(NativeArabic) ? null : knowledge.Names.Romanize(words, minimumKnown: list ? 1 : words.Length);
            // After a verb, a name whose first word is a known given name is a person too ("تعيين ليلى مراد"), kept in Arabic.
            if (!role && latin is null && knowledge.Names.Romanize([words[0]], minimumKnown: 1) is null)
            {
                continue;
            }

            string[] written = [words[0] == first ? tokens[start].Surface : tokens[start].Surface[1..], tokens[start + 1].Surface];
            sentence.Mentions.Add(new Mention(ArabicPerson(sentence, start, start + 2, written, latin), start, start + 2));
            if (ListGoesOn(sentence, start + 2))
            {
                starts.Add((start + 2, true, true));
            }
        }
    }

    /// <summary>"…، وهاوكسوان يو": a list of names goes on after a comma and "و".</summary>
    private static bool ListGoesOn(AnalysedSentence sentence, int next) =>
        next > 0 && next < sentence.Tokens.Count && sentence.Between(next - 1, next).IndexOfAny(",،") >= 0 && sentence.Tokens[next].Folded.StartsWith('و') &&
        MatchText.IsArabic(sentence.Tokens[next].Surface);

    /// <summary>
    /// An Arabic-script name the knowledge base does not know. A foreign name whose words are all
    /// name words the knowledge base knows is written in Latin letters ("جيان تشانغ" → Jian Zhang),
    /// its Arabic kept as its Arabic spelling; any other stays as the text writes it ("كريم نصار"),
    /// with a letter-by-letter Latin transliteration beside it ("Krim Nsar") as another spelling.
    /// </summary>
    private static KnownEntity ArabicPerson(AnalysedSentence sentence, int start, int end, IReadOnlyList<string> words, string? latin)
    {
        var arabic = string.Join(' ', words);
        var reported = Reported(sentence, start, end, EntityKind.Person) with { Id = "person:reported:" + arabic.Replace(' ', '-'), Name = arabic };
        if (latin is not null)
        {
            return reported with { Id = "person:reported:" + MatchText.Normalize(latin).Replace(' ', '-'), Name = latin, ArabicNames = [arabic] };
        }

        return reported with { Aliases = [string.Join(' ', words.Select(w => NameIndex.Transliterate(MatchText.Fold(w))))] };
    }

    private static readonly System.Buffers.SearchValues<char> NativeArabicLetters = System.Buffers.SearchValues.Create("حعصضطظذث");

    /// <summary>Letters Arabic words have and foreign names written in Arabic almost never do (ح ع ص ض ط ظ ذ ث).</summary>
    private static bool NativeArabic(string word) => word.AsSpan().IndexOfAny(NativeArabicLetters) >= 0;

    private static bool MayBeArabicName(AnalysedSentence sentence, int index, bool crossScript = false)
    {
        var token = sentence.Tokens[index];
        // Tanween ("عالماً بارزاً") marks an indefinite noun or adjective, never a name; Persian and Urdu letters another language.
        return MatchText.IsArabic(token.Surface) && token.Folded.Length >= 2 && token.Surface.AsSpan().IndexOfAny('\u064B', '\u064C', '\u064D') < 0 &&
               token.Folded.All(c => c is (>= '\u0621' and <= '\u064A') or 'پ' or 'ڤ' or 'گ') && !sentence.IsCovered(index) && !ArabicNotNames.Contains(token.Folded) &&
               !token.Folded.StartsWith("ال", StringComparison.Ordinal) && !sentence.Cues.Exists(c => index >= c.Start && index < c.End && !(crossScript && c.Kind == CueKind.Negative));
    }

    /// <summary>Two tokens with only spaces between them: a name does not run across a comma.</summary>
    private static bool Joined(AnalysedSentence sentence, int left, int right) =>
        sentence.Between(left, right).Trim().IsEmpty;
}
