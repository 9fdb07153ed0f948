using Radar.Bot.Charts;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Knowledge.Flows;
using Radar.Feeds.Papers;

namespace Radar.Bot.Commands.Team;

/// <summary>
/// <c>/team &lt;model&gt;</c>: where the authors of a model are now — "LLaMA-65B (Meta AI, 2023-02): 14
/// authors — at Mistral AI: …; still at Meta: …; unknown: …" — each with their latest known
/// organisation, its kind of evidence (fact, news, inferred) and date — with a chart of the places.
/// </summary>
public sealed class TeamHandler(KnowledgeProvider knowledge, ChannelContext channels) : ICommandHandler
{
    public string Name => "team";

    public string Help => "/team <model> — where the authors of a model are now";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Options.GetValueOrDefault("model") ?? string.Join(' ', request.Arguments);
        if (!name.Any(char.IsLetterOrDigit))
        {
            return Reply.Error("Which model? /team LLaMA-65B");
        }

        var knowledgeBase = knowledge.Current.Knowledge;
        var lookup = knowledgeBase.Lookup(name, EntityKind.Model);
        if (lookup.Entity is not { } model)
        {
            return Reply.Error(lookup.Problem("model"));
        }

        var team = Radar.Feeds.Knowledge.Flows.Team.Of(knowledgeBase, model);
        var channel = await channels.GetAsync(request, cancellationToken).ConfigureAwait(false);
        var reply = Describe(knowledgeBase, model, team, channel.Language);
        if (team.Count == 0)
        {
            return reply;
        }

        var png = TeamChart.Render(model.Name, Maker(knowledgeBase, model), team, channel.Language);
        return reply with { Image = new ReplyImage(png, "team.png", $"{model.Name}: where its authors are now") };
    }

    /// <summary>The model's maker as shown (the organisation, not its unit), or "unknown maker".</summary>
    public static string Maker(KnowledgeBase knowledgeBase, KnownEntity model)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(model);
        return knowledgeBase.Get(model.MakerId ?? (model.MakerIds.Count > 0 ? model.MakerIds[0] : null)) is { } org ? knowledgeBase.OutputOrg(org).Name : "unknown maker";
    }

    public static Reply Describe(KnowledgeBase knowledgeBase, KnownEntity model, IReadOnlyList<TeamMember> team, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var words = TalentWords.For(language);
        var maker = Maker(knowledgeBase, model);
        var date = model.Released ?? "—";
        var title = words.TeamTitle(model.Name, maker, date.Length > 7 ? date[..7] : date, team.Count);
        if (team.Count == 0)
        {
            return new Reply(title, [words.NoAuthors]);
        }

        string Person(TeamMember member) => $"{member.Person} ({(member.Evidence is { } evidence ? words.Evidence(evidence) : "?")}, {member.Date})";
        var lines = new List<string>();
        foreach (var group in team.Where(m => m.Place == TeamPlace.Elsewhere).GroupBy(m => m.Org ?? "?", StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var left = Radar.Feeds.Knowledge.Flows.Team.LeftPrefix;
            var where = group.Key.StartsWith(left, StringComparison.Ordinal) ? words.LeftWithoutDestination(group.Key[left.Length..]) : words.At(group.Key);
            lines.Add(words.Label(where, string.Join("; ", group.Select(Person))));
        }

        var stayed = team.Where(m => m.Place == TeamPlace.StillAtMaker).ToList();
        if (stayed.Count > 0)
        {
            lines.Add(words.Label(words.StillAt(maker), string.Join("; ", stayed.Select(Person))));
        }

        var unknown = team.Where(m => m.Place == TeamPlace.Unknown).ToList();
        if (unknown.Count > 0)
        {
            lines.Add(words.Label(words.UnknownSince, string.Join(", ", unknown.Select(m => m.Person))));
        }

        lines.Insert(0, words.TeamTotals(team.Count(m => m.Place == TeamPlace.Elsewhere), team.Count, stayed.Count, maker, unknown.Count));
        if (model.FromDataset || team.Any(m => m.Evidence == Evidence.Inferred))
        {
            lines.Add(EpochSnapshot.CreditLine);
        }

        if (team.Any(m => m.Evidence == Evidence.Inferred && PaperReader.FromLivePaper(m.Source)))
        {
            lines.Add(PaperReader.CreditLine);
        }

        return new Reply(title, lines);
    }
}
