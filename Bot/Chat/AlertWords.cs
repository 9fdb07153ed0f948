using System.Globalization;
using Radar.Feeds.Extraction;

namespace Radar.Bot.Chat;

/// <summary>The words an alert's labels use in a channel's language, so that an Arabic alert carries no Latin-only decoration.</summary>
public sealed record AlertWords(string Language, string People, string Orgs, string Models, string Matched, string AlsoReportedBy, string Source, string Tags)
{
    public static readonly AlertWords English = new("en", "People", "Organisations", "Models", "matched", "also reported by", "source", "tags");

    public static readonly AlertWords French = new("fr", "Personnes", "Organisations", "Modèles", "filtre", "aussi rapporté par", "source", "mots-clés");

    public static readonly AlertWords Arabic = new("ar", "الأشخاص", "المؤسسات", "النماذج", "سبب التنبيه:", "نشرته أيضًا", "المصدر:", "الوسوم:");

    public static AlertWords For(string language) => language switch { "ar" => Arabic, "fr" => French, _ => English };

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
            (_, _) when days is null => null,
            (_, "fr") => (by is null ? "Confirmé" : $"Confirmé par {by}") + " — " + (days == 0 ? "le jour du premier article" : $"{days} jour{(days == 1 ? string.Empty : "s")} après le premier article"),
            (_, "ar") => (by is null ? "تم التأكيد" : $"أكدته {by}") + " — " + (days == 0 ? "في يوم أول تقرير" : $"بعد {days} يوم من أول تقرير"),
            _ => (by is null ? "Confirmed" : $"Confirmed by {by}") + " — " + (days == 0 ? "the day of the first report" : $"{days} day{(days == 1 ? string.Empty : "s")} after the first report"),
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
