namespace Radar.Feeds.Knowledge.Epoch;

/// <summary>
/// What Radar keeps of Epoch AI's dataset (<c>Data/epoch.json</c>, written by <c>radar import epoch</c>):
/// each model with its organisations, date, link, accessibility, parameters and authors; each
/// organisation with its kind and country; and the name words that are also common words in the
/// dataset's own prose, which are never matched alone in news text.
/// </summary>
public sealed record EpochSnapshot(
    string About,
    string Credit,
    string Source,
    string Licence,
    List<EpochSnapshot.Org> Orgs,
    List<EpochSnapshot.Model> Models,
    List<string> CommonWords)
{
    public const string CreditLine = "Data: Epoch AI (epoch.ai)";

    public sealed record Org(string Name, string? Kind, string? Country);

    public sealed record Model(string Name, List<string> Orgs, string? Date, string? Link, string? Access, double? Parameters, List<string> Authors);
}
