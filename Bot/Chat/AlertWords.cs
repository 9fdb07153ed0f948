namespace Radar.Bot.Chat;

/// <summary>The words an alert's labels use in a channel's language, so that an Arabic alert carries no Latin-only decoration.</summary>
public sealed record AlertWords(string People, string Orgs, string Models, string Matched, string AlsoReportedBy, string Source, string Tags)
{
    public static readonly AlertWords English = new("People", "Organisations", "Models", "matched", "also reported by", "source", "tags");

    public static readonly AlertWords French = new("Personnes", "Organisations", "Modèles", "filtre", "aussi rapporté par", "source", "mots-clés");

    public static readonly AlertWords Arabic = new("الأشخاص", "المؤسسات", "النماذج", "سبب التنبيه:", "نشرته أيضًا", "المصدر:", "الوسوم:");

    public static AlertWords For(string language) => language switch { "ar" => Arabic, "fr" => French, _ => English };
}
