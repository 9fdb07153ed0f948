using System.Text.RegularExpressions;
using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// Reads how sure a sentence is of its claim, in English, French and Arabic: a denial ("denies",
/// "dément", "ينفي") first, then the marks of a report (reportedly, in talks, according to people
/// familiar, the French conditional "rejoindrait", بحسب مصادر), then the marks of an announcement
/// (confirms, in a statement, أعلنت). A sentence without any says nothing (null). Phrases are
/// matched on folded text, whole words; Arabic phrases may carry the clitics و and ف in front.
/// </summary>
public static class ClaimReader
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex DeniedEnglish = Phrases("denies reports that|denies reports|denied reports that|denied reports|denies|denied|deny|dismisses reports|dismissed reports|rejects reports|rejected reports|refutes|refuted|shoots down|shot down reports|is not leaving|isn t leaving|not leaving|is not joining|isn t joining|no plans to leave|no plans to join|no plans to step down|false reports");
    private static readonly Regex ReportedEnglish = Phrases("reportedly|is said to|are said to|said to be|in talks|in advanced talks|in early talks|in discussions|set to join|set to leave|set to depart|set to step down|set to launch|set to release|set to become|poised to|expected to join|expected to leave|expected to step down|expected to launch|expected to release|according to people|according to sources|according to a source|according to a person|according to two people|according to three people|according to several people|according to multiple people|according to reports|according to a report|according to media reports|people familiar|person familiar|sources say|sources said|source says|source said|rumored|rumoured|rumor|rumour|rumors|rumours|is considering|is weighing|is mulling|nears deal|close to a deal|in line to|tipped to|could join|may join|might join|not confirmed|has not confirmed|did not confirm|declined to comment|did not respond to a request|report says|a report says|reports say");
    private static readonly Regex ConfirmedEnglish = Phrases("confirms|confirmed|announces|announced|in a statement|said in a statement|a statement|in a blog post|in a post on x|officially|welcomes|has joined|have joined");

    private static readonly Regex DeniedFrench = Phrases("dément|démentent|a démenti|démenti|réfute|a réfuté|rejette les rumeurs|n a pas l intention|aucun projet de|ne quitte pas|ne rejoint pas");
    private static readonly Regex ReportedFrench = Phrases("selon des sources|selon plusieurs sources|selon une source|selon nos informations|selon des personnes|selon la presse|selon des médias|selon les informations|d après nos informations|d après des sources|d après plusieurs sources|serait|seraient|aurait|auraient|rejoindrait|rejoindraient|quitterait|quitteraient|prendrait|lancerait|lanceraient|reporterait|pourrait rejoindre|pourrait quitter|en discussions|en pourparlers|en négociations|en négociation|rumeur|rumeurs|envisagerait|s apprêterait|n a pas confirmé|pas encore confirmé");
    private static readonly Regex ConfirmedFrench = Phrases("confirme|a confirmé|confirment|annonce|a annoncé|annoncent|dans un communiqué|officiellement|officialise|a officialisé");

    private static readonly Regex DeniedArabic = ArabicPhrases("ينفي|تنفي|نفى|نفت|ينفون|تنفي تقارير|لا يخطط|لا تخطط|لا نيه|كذب|كذبت|يكذب");
    private static readonly Regex ReportedArabic = ArabicPhrases("بحسب مصادر|بحسب تقارير|بحسب اشخاص|بحسب ما ذكرت|بحسب ما افادت|حسب مصادر|حسب تقارير|وفقا لمصادر|وفقا لتقارير|وفقا لاشخاص|نقلا عن مصادر|مصادر مطلعه|مصدر مطلع|تفيد تقارير|تقارير تفيد|افادت تقارير|ذكرت تقارير|تشير تقارير|تقارير تشير|انباء عن|يقال|من المتوقع|في محادثات|يجري محادثات|تجري محادثات|مفاوضات|قد ينضم|قد تنضم|قد يغادر|قد تغادر|شائعات|تسريبات|لم يتم تاكيد|لم تؤكد|لم يؤكد");
    private static readonly Regex ConfirmedArabic = ArabicPhrases("تؤكد|يؤكد|اكدت|اكد|تعلن|يعلن|اعلنت|اعلن|في بيان|بيان رسمي|رسميا");

    /// <summary>The sentence's tier, or null when it has no mark of one.</summary>
    public static ClaimTier? TierOf(string? sentence, string language)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return null;
        }

        var text = " " + MatchText.Normalize(sentence) + " ";
        var (denied, reported, confirmed) = Lists(language);
        return denied.IsMatch(text) ? ClaimTier.Denied
            : reported.IsMatch(text) ? ClaimTier.Reported
            : confirmed.IsMatch(text) ? ClaimTier.Confirmed
            : null;
    }

    /// <summary>The text with its denials cut out of it, as written ("X denies he is leaving Meta" → "X he is leaving Meta"), so that what was denied can be read; null when it denies nothing.</summary>
    public static string? WithoutDenial(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = MatchText.Tokenize(text);
        var starts = new int[tokens.Count]; // where each token starts in the folded line
        var line = new System.Text.StringBuilder(" ");
        for (var i = 0; i < tokens.Count; i++)
        {
            starts[i] = line.Length;
            line.Append(tokens[i].Folded).Append(' ');
        }

        var matches = Lists(language).Denied.Matches(line.ToString());
        if (matches.Count == 0)
        {
            return null;
        }

        var output = new System.Text.StringBuilder(text);
        foreach (var match in matches.Reverse())
        {
            // The phrase runs from the token after its leading space to the token before its trailing one.
            var first = Array.IndexOf(starts, match.Index + 1) is var f and >= 0 ? f : Array.FindIndex(starts, s => s > match.Index);
            var last = Array.FindLastIndex(starts, s => s < match.Index + match.Length - 1);
            if (first >= 0 && last >= first)
            {
                output.Remove(tokens[first].Start, tokens[last].End - tokens[first].Start);
            }
        }

        return output.ToString();
    }

    private static (Regex Denied, Regex Reported, Regex Confirmed) Lists(string language) => language switch
    {
        "fr" => (DeniedFrench, ReportedFrench, ConfirmedFrench),
        "ar" => (DeniedArabic, ReportedArabic, ConfirmedArabic),
        _ => (DeniedEnglish, ReportedEnglish, ConfirmedEnglish),
    };

    /// <summary>
    /// Whole folded phrases between spaces (the text is padded with one on each side). An alternation
    /// of escaped literals, longest first: linear in the default engine, which keeps no state between
    /// matches (the non-backtracking engine's caches held megabytes for the life of the process).
    /// </summary>
    private static Regex Phrases(string phrases) => new(" (?:" + string.Join('|', Folded(phrases)) + ") ", Options);

    /// <summary>Arabic phrases may be written with the conjunctions و or ف attached in front.</summary>
    private static Regex ArabicPhrases(string phrases) => new(" (?:و|ف)?(?:" + string.Join('|', Folded(phrases)) + ") ", Options);

    private static IEnumerable<string> Folded(string phrases) =>
        phrases.Split('|').Select(MatchText.Normalize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).Select(Regex.Escape);
}
