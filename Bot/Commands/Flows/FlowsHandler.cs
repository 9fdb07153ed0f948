using System.Globalization;
using Radar.Bot.Charts;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Knowledge.Flows;
using Radar.Feeds.Papers;

namespace Radar.Bot.Commands.Flows;

/// <summary>
/// <c>/flows org:&lt;name&gt; [since:YYYY]</c>: a chart of an organisation's arrivals (from where) and
/// departures (to where) by year, from verified facts, news reports and author lists, with a short
/// text summary, in the channel's language.
/// </summary>
public sealed class FlowsHandler(KnowledgeProvider knowledge, ChannelContext channels) : ICommandHandler
{
    public string Name => "flows";

    public string Help => "/flows org:<name> [since:YYYY] — a chart of who joined and who left an organisation, by year";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Options.GetValueOrDefault("org") ?? string.Join(' ', request.Arguments);
        if (!name.Any(char.IsLetter))
        {
            return Reply.Error("Which organisation? /flows org:Meta since:2020");
        }

        int? since = null;
        if (request.Options.GetValueOrDefault("since") is { } year)
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1950 or > 2100)
            {
                return Reply.Error("since is a year: since:2020");
            }

            since = parsed;
        }

        var knowledgeBase = knowledge.Current.Knowledge;
        var lookup = knowledgeBase.Lookup(name, EntityKind.Org);
        if (lookup.Entity is not { } org)
        {
            return Reply.Error(lookup.Problem("organisation"));
        }

        var shown = knowledgeBase.OutputOrg(org);
        var moves = TalentFlows.For(knowledgeBase, shown, since);
        var channel = await channels.GetAsync(request, cancellationToken).ConfigureAwait(false);
        var png = FlowsChart.Render(shown, moves, channel.Language);
        return Summary(shown.Name, moves, since, channel.Language) with
        {
            Image = new ReplyImage(png, $"flows-{Slug(shown.Name)}.png", $"{shown.Name}: arrivals and departures by year"),
        };
    }

    /// <summary>The text that goes with the chart, in the channel's language: totals, main origins and destinations, the latest moves, the credit.</summary>
    public static Reply Summary(string org, IReadOnlyList<OrgMove> moves, int? since, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(moves);
        var words = TalentWords.For(language);
        var arrivals = moves.Where(m => m.Arrival).ToList();
        var departures = moves.Where(m => !m.Arrival).ToList();
        var lines = new List<string>
        {
            words.Arrivals(arrivals.Count, FlowsChart.Top(arrivals)),
            words.Departures(departures.Count, FlowsChart.Top(departures)),
            words.EvidenceCounts(moves.Count(m => m.Evidence == Evidence.Fact), moves.Count(m => m.Evidence == Evidence.News), moves.Count(m => m.Evidence == Evidence.Inferred)),
        };
        lines.AddRange(moves.OrderByDescending(m => m.Date, StringComparer.Ordinal).Take(5)
            .Select(m => $"{m.Date} {m.Person} {(m.Arrival ? "← " : "→ ")}{m.Other} ({words.Evidence(m.Evidence)})"));
        if (moves.Any(m => m.Evidence == Evidence.Inferred))
        {
            lines.Add(EpochSnapshot.CreditLine);
        }

        if (moves.Any(m => m.Evidence == Evidence.Inferred && PaperReader.FromLivePaper(m.Source)))
        {
            lines.Add(PaperReader.CreditLine);
        }

        return new Reply(words.FlowsTitle(org, arrivals.Count, departures.Count, since), moves.Count == 0 ? [words.NoMoves] : lines);
    }

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
}
