using System.Globalization;
using Radar.Feeds.Extraction;
using Radar.Feeds.Text;

namespace Radar.Bot.Chat;

/// <summary>
/// The words of alerts, digests and chat replies in a channel's language (en, fr, ar), in one place,
/// so that an Arabic alert carries no Latin-only decoration; the charts' words are
/// <see cref="Charts.TalentWords"/>.
/// </summary>
public sealed record AlertWords(string Language, string People, string Orgs, string Models, string Matched, string AlsoReportedBy, string Source, string Tags)
{
    public static readonly AlertWords English = new("en", "People", "Organisations", "Models", "matched", "also reported by", "source", "tags");

    public static readonly AlertWords French = new("fr", "Personnes", "Organisations", "Modèles", "filtre", "aussi rapporté par", "source", "mots-clés");

    public static readonly AlertWords Arabic = new("ar", "الأشخاص", "المؤسسات", "النماذج", "سبب التنبيه:", "نشرته أيضًا", "المصدر:", "الوسوم:");

    public static AlertWords For(string? language) => language switch { ReaderLanguage.Arabic => Arabic, ReaderLanguage.French => French, _ => English };

    /// <summary>The reply to /language.</summary>
    public string LanguageSet => Language switch
    {
        "ar" => "ستصل التنبيهات بالعربية.",
        "fr" => "Les alertes arriveront en français.",
        _ => "Alerts will arrive in English.",
    };

    /// <summary>"Radar digest: 12 stories".</summary>
    public string DigestTitle(int stories) => Language switch
    {
        "fr" => $"Résumé Radar : {stories} articles",
        "ar" => $"ملخص رادار: {stories} أخبار",
        _ => $"Radar digest: {stories} stories",
    };

    /// <summary>A digest's group heading: the topic, or "Other".</summary>
    public string DigestTopic(Topic? topic) => (topic, Language) switch
    {
        (Topic.Talent, "fr") => "Talents",
        (Topic.Talent, "ar") => "المواهب",
        (Topic.Talent, _) => "Talent",
        (Topic.Launches, "fr") => "Lancements",
        (Topic.Launches, "ar") => "الإطلاقات",
        (Topic.Launches, _) => "Launches",
        (_, "fr") => "Autres",
        (_, "ar") => "أخرى",
        _ => "Other",
    };

    /// <summary>"… and 3 more", past a digest's last item.</summary>
    public string DigestMore(int more) => Language switch
    {
        "fr" => $"… et {more} de plus",
        "ar" => $"… و{more} أخرى",
        _ => $"… and {more} more",
    };

    /// <summary>
    /// Where the story stands: "Reported, not confirmed"; "Confirmed by OpenAI — 2 days after the
    /// first report" once a confirmation joined a report; "Denied by Meta". A story stated as fact
    /// from its first report needs no note (null).
    /// </summary>
    public string? Tier(ClaimTier tier, string? by, DateTime? changedAt, DateTime firstReport)
    {
        var days = changedAt is { } at ? Math.Max(0, (int)(at - firstReport).TotalDays) : (int?)null;
        return (tier, Language) switch
        {
            (ClaimTier.Reported, "fr") => "Rapporté, non confirmé",
            (ClaimTier.Reported, "ar") => "تقارير غير مؤكدة",
            (ClaimTier.Reported, _) => "Reported, not confirmed",
            (ClaimTier.Denied, "fr") => by is null ? "Démenti" : $"Démenti par {by}",
            (ClaimTier.Denied, "ar") => by is null ? "نفي رسمي" : $"نفته {by}",
            (ClaimTier.Denied, _) => by is null ? "Denied" : $"Denied by {by}",
            (ClaimTier.Inferred, "fr") => "Déduit d'un article scientifique, non confirmé",
            (ClaimTier.Inferred, "ar") => "مستنتج من ورقة بحثية، غير مؤكد",
            (ClaimTier.Inferred, _) => "From a paper, unconfirmed",
            (_, _) when days is null => null,
            (_, "fr") => (by is null ? "Confirmé" : $"Confirmé par {by}") + " — " + (days == 0 ? "le jour du premier article" : $"{days} jour{(days == 1 ? string.Empty : "s")} après le premier article"),
            (_, "ar") => (by is null ? "تم التأكيد" : $"أكدته {by}") + " — " + (days == 0 ? "في يوم أول تقرير" : $"بعد {days} يوم من أول تقرير"),
            _ => (by is null ? "Confirmed" : $"Confirmed by {by}") + " — " + (days == 0 ? "the day of the first report" : $"{days} day{(days == 1 ? string.Empty : "s")} after the first report"),
        };
    }

    /// <summary>
    /// Where a story first seen on a paper was seen: "arXiv:2612.01234 (2026-12-03) · Affiliations:
    /// OpenAlex" while only the paper tells it, then "First seen on a paper 12 days earlier
    /// (arXiv:2612.01234)" once the news does.
    /// </summary>
    public string Paper(string arxivId, DateTime paperAt, DateTime published, ClaimTier tier)
    {
        var paper = "arXiv:" + arxivId;
        if (tier == ClaimTier.Inferred)
        {
            var date = paperAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Language switch
            {
                "fr" => $"{paper} ({date}) · Affiliations : OpenAlex",
                "ar" => $"{paper} ({date}) · الانتماءات: OpenAlex",
                _ => $"{paper} ({date}) · Affiliations: OpenAlex",
            };
        }

        var days = Math.Max(0, (int)(published.Date - paperAt.Date).TotalDays);
        return (Language, days) switch
        {
            ("fr", 0) => $"Vu d'abord sur un article le même jour ({paper})",
            ("fr", _) => $"Vu d'abord sur un article {days} jour{(days == 1 ? string.Empty : "s")} plus tôt ({paper})",
            ("ar", 0) => $"ظهر أولًا في ورقة بحثية في اليوم نفسه ({paper})",
            ("ar", _) => $"ظهر أولًا في ورقة بحثية قبل {days} يوم ({paper})",
            (_, 0) => $"First seen on a paper the same day ({paper})",
            _ => $"First seen on a paper {days} day{(days == 1 ? string.Empty : "s")} earlier ({paper})",
        };
    }

    /// <summary>"Follows: Meta delays Llama 5 (2026-11-20)".</summary>
    public string Follows(string title, DateTime published)
    {
        var date = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Language switch
        {
            "fr" => $"Fait suite à : {title} ({date})",
            "ar" => $"متابعة لـ: {title} ({date})",
            _ => $"Follows: {title} ({date})",
        };
    }
}
