namespace Radar.Feeds.Knowledge.Flows;

/// <summary>
/// Where the authors of a model are now: for each author, the latest thing Radar knows (a fact, a
/// news report, or a later paper), compared with the model's maker. The seed story's question
/// ("11 of the 14 LLaMA authors are gone") answered from the knowledge.
/// </summary>
public static class Team
{
    public static IReadOnlyList<TeamMember> Of(KnowledgeBase knowledge, KnownEntity model)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(model);
        var makerRoots = model.MakerIds.Append(model.MakerId).Select(knowledge.Get).OfType<KnownEntity>().Select(m => knowledge.Root(m).Id).ToHashSet(StringComparer.Ordinal);
        var modelDate = model.Released ?? knowledge.Authors[model.Name].SelectMany(a => a.Appearances).FirstOrDefault(a => a.Model == model.Name)?.Date ?? string.Empty;
        var members = new List<TeamMember>();
        foreach (var person in knowledge.Authors[model.Name].DistinctBy(p => p.Id))
        {
            if (Latest(knowledge, person, model.Name, modelDate) is not var (org, name, date, evidence, source))
            {
                members.Add(new TeamMember(person.Id, person.Name, null, null, null, null, null, TeamPlace.Unknown));
                continue;
            }

            var stayed = org is not null && makerRoots.Contains(knowledge.Root(org).Id) && !name.StartsWith(LeftPrefix, StringComparison.Ordinal);
            members.Add(new TeamMember(person.Id, person.Name, name, org?.Id, date, evidence, source, stayed ? TeamPlace.StillAtMaker : TeamPlace.Elsewhere));
        }

        return [.. members.OrderBy(m => m.Place).ThenBy(m => m.Org, StringComparer.Ordinal).ThenBy(m => m.Person, StringComparer.Ordinal)];
    }

    /// <summary>How an organisation someone left (and no later step is known) is named: "left Meta".</summary>
    public const string LeftPrefix = "left ";

    /// <summary>The newest dated evidence after the model: a stated step (a join, or a departure with no later join: "left X"), or a later single-company paper.</summary>
    private static (KnownEntity? Org, string Name, string Date, Evidence Evidence, string? Source)? Latest(KnowledgeBase knowledge, KnownEntity person, string modelName, string modelDate)
    {
        (KnownEntity? Org, string Name, string Date, Evidence Evidence, string? Source)? best = null;
        foreach (var step in person.Affiliations)
        {
            var date = step.From ?? step.To;
            if (date is null || string.CompareOrdinal(date, modelDate) <= 0 || (best is not null && string.CompareOrdinal(date, best.Value.Date) <= 0))
            {
                continue;
            }

            var org = knowledge.Get(step.OrgId);
            var name = org is null ? SeedKnowledge.DisplayName(step.OrgName) : knowledge.OutputOrg(org).Name;
            best = (org, step.From is null ? LeftPrefix + name : name, date, step.Reported ? Evidence.News : Evidence.Fact, step.Source);
        }

        if (PaperTrail.Latest(person, knowledge) is var (paperOrg, appearance) && appearance.Model != modelName
            && string.CompareOrdinal(appearance.Date, modelDate) > 0 && (best is null || string.CompareOrdinal(appearance.Date, best.Value.Date) > 0))
        {
            best = (paperOrg, paperOrg.Name, appearance.Date, Evidence.Inferred, $"{appearance.Model} ({appearance.Date})");
        }

        return best;
    }
}
