using Radar.Feeds.Knowledge.Flows;
using Radar.Feeds.Text;

namespace Radar.Bot.Charts;

/// <summary>
/// The words of /flows and /team, their replies and their charts, in a channel's language (en, fr,
/// ar), in one place; the names stay as they are written.
/// </summary>
public sealed record TalentWords(string Language)
{
    public static TalentWords For(string? language) => new(language is ReaderLanguage.French or ReaderLanguage.Arabic ? language : ReaderLanguage.English);

    public bool RightToLeft => Language == "ar";

    /// <summary>The legend of an evidence kind on a chart (longer than in text).</summary>
    public string Legend(Evidence evidence) => (evidence, Language) switch
    {
        (Radar.Feeds.Knowledge.Flows.Evidence.Fact, "fr") => "fait vérifié",
        (Radar.Feeds.Knowledge.Flows.Evidence.News, "fr") => "presse",
        (_, "fr") => "déduit des auteurs d’articles",
        (Radar.Feeds.Knowledge.Flows.Evidence.Fact, "ar") => "حقيقة موثقة",
        (Radar.Feeds.Knowledge.Flows.Evidence.News, "ar") => "خبر صحفي",
        (_, "ar") => "مستنتج من قوائم المؤلفين",
        (Radar.Feeds.Knowledge.Flows.Evidence.Inferred, _) => "inferred from author lists",
        _ => Evidence(evidence),
    };

    public string FlowsChartTitle(string org) => Language switch
    {
        "fr" => $"{org} : arrivées (en haut) / départs (en bas) par année",
        "ar" => $"{org}: الوافدون (فوق) / المغادرون (تحت) حسب السنة",
        _ => $"{org}: arrivals (above) / departures (below) by year",
    };

    public string TeamChartTitle(string model, int authors) => Language switch
    {
        "fr" => $"{model} : où sont ses {authors} auteurs",
        "ar" => $"{model}: أين مؤلفوه الـ{authors} الآن",
        _ => $"{model}: where its {authors} authors are now",
    };

    public string Unknown => Language switch { "fr" => "inconnu", "ar" => "غير معروف", _ => "unknown" };

    public string Left(string org) => Language switch { "fr" => $"ont quitté {org}", "ar" => $"غادروا {org}", _ => $"left {org}" };

    public string Evidence(Evidence evidence) => (evidence, Language) switch
    {
        (Radar.Feeds.Knowledge.Flows.Evidence.Fact, "fr") => "fait",
        (Radar.Feeds.Knowledge.Flows.Evidence.News, "fr") => "presse",
        (_, "fr") => "déduit",
        (Radar.Feeds.Knowledge.Flows.Evidence.Fact, "ar") => "حقيقة",
        (Radar.Feeds.Knowledge.Flows.Evidence.News, "ar") => "خبر",
        (_, "ar") => "مستنتج",
        _ => evidence.ToString().ToLowerInvariant(),
    };

    public string FlowsTitle(string org, int arrivals, int departures, int? since) => Language switch
    {
        "fr" => $"{org} : {arrivals} arrivées, {departures} départs{(since is null ? string.Empty : $" depuis {since}")}",
        "ar" => $"{org}: {arrivals} وافدًا، {departures} مغادرًا{(since is null ? string.Empty : $" منذ {since}")}",
        _ => $"{org}: {arrivals} arrivals, {departures} departures{(since is null ? string.Empty : $" since {since}")}",
    };

    public string Arrivals(int count, string from) => Language switch
    {
        "fr" => $"Arrivées : {count} — venues de {from}",
        "ar" => $"الوافدون: {count} — من {from}",
        _ => $"Arrivals: {count} — from {from}",
    };

    public string Departures(int count, string to) => Language switch
    {
        "fr" => $"Départs : {count} — vers {to}",
        "ar" => $"المغادرون: {count} — إلى {to}",
        _ => $"Departures: {count} — to {to}",
    };

    public string EvidenceCounts(int facts, int news, int inferred) => Language switch
    {
        "fr" => $"Sources : {facts} faits vérifiés, {news} de la presse, {inferred} déduits des auteurs d’articles",
        "ar" => $"الأدلة: {facts} حقائق موثقة، {news} من الأخبار، {inferred} مستنتجة من قوائم المؤلفين",
        _ => $"Evidence: {facts} facts, {news} from the news, {inferred} inferred from author lists",
    };

    public string NoMoves => Language switch { "fr" => "Aucun mouvement connu.", "ar" => "لا تنقلات معروفة.", _ => "No known moves." };

    public string TeamTitle(string model, string maker, string date, int authors) => Language switch
    {
        "fr" => $"{model} ({maker}, {date}) : {authors} auteurs",
        "ar" => $"{model} ({maker}، {date}): {authors} مؤلفًا",
        _ => $"{model} ({maker}, {date}): {authors} authors",
    };

    public string NoAuthors => Language switch { "fr" => "Aucune liste d’auteurs n’est connue pour ce modèle.", "ar" => "لا توجد قائمة مؤلفين معروفة لهذا النموذج.", _ => "No author list is known for this model." };

    public string TeamTotals(int gone, int authors, int stayed, string maker, int unknown) => Language switch
    {
        "fr" => $"{gone} sur {authors} ailleurs, {stayed} toujours chez {maker}, {unknown} inconnus",
        "ar" => $"{gone} من {authors} في أماكن أخرى، {stayed} ما زالوا في {maker}، {unknown} غير معروفين",
        _ => $"{gone} of {authors} known elsewhere, {stayed} still at {maker}, {unknown} unknown",
    };

    public string At(string org) => Language switch { "fr" => $"chez {org}", "ar" => $"في {org}", _ => $"at {org}" };

    public string LeftWithoutDestination(string org) => Left(org) + Language switch
    {
        "fr" => ", destination inconnue",
        "ar" => "، والوجهة غير معروفة",
        _ => ", destination not known",
    };

    public string StillAt(string maker) => Language switch { "fr" => $"toujours chez {maker}", "ar" => $"ما زالوا في {maker}", _ => $"still at {maker}" };

    public string UnknownSince => Language switch { "fr" => "sans nouvelles depuis", "ar" => "لا أخبار عنهم منذ ذلك", _ => "unknown since" };

    /// <summary>"a: b" with the language's punctuation (French puts a space before the colon).</summary>
    public string Label(string label, string text) => Language == "fr" ? $"{label} : {text}" : $"{label}: {text}";
}
