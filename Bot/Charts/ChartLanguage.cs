namespace Radar.Bot.Charts;

/// <summary>The words of a chart in a channel's language (en, fr, ar).</summary>
public sealed record ChartLanguage(string Code, string Arrivals, string Departures, string ByYear, string Fact, string News, string Inferred, string From, string To, string Above, string Below)
{
    public static ChartLanguage For(string? code) => code switch
    {
        "fr" => new("fr", "arrivées", "départs", "par année", "fait vérifié", "presse", "déduit des auteurs d’articles", "venus de", "partis vers", "en haut", "en bas"),
        "ar" => new("ar", "الوافدون", "المغادرون", "حسب السنة", "حقيقة موثقة", "خبر صحفي", "مستنتج من قوائم المؤلفين", "من", "إلى", "فوق", "تحت"),
        _ => new("en", "arrivals", "departures", "by year", "fact", "news", "inferred from author lists", "from", "to", "above", "below"),
    };

    public bool RightToLeft => Code == "ar";
}
