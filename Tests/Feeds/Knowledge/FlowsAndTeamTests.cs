using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Flows;

namespace Radar.Tests.Feeds.Knowledge;

/// <summary>The data behind /flows and /team, from the shipped knowledge (facts and Epoch AI's author lists).</summary>
public sealed class FlowsAndTeamTests
{
    private static readonly KnowledgeBase Knowledge = SeedKnowledge.Load();

    [Fact]
    public void MetasFlowsShowTheFoundersOfMistralLeavingWithTheirEvidence()
    {
        var meta = Knowledge.Find("Meta", EntityKind.Org)!;

        var moves = TalentFlows.For(Knowledge, Knowledge.OutputOrg(meta));

        var lample = Assert.Single(moves, m => m.Person == "Guillaume Lample" && !m.Arrival);
        Assert.Equal("Mistral AI", lample.Other);
        Assert.Equal(2023, lample.Year);
        Assert.Equal(Evidence.Fact, lample.Evidence); // the paper trail says so too, but the fact wins and it is counted once
        Assert.Contains(moves, m => m.Evidence == Evidence.Inferred);
        Assert.All(moves, m => Assert.NotEqual("Meta", m.Other)); // moves inside the company are not moves
    }

    [Fact]
    public void SinceDropsEarlierYears()
    {
        var meta = Knowledge.OutputOrg(Knowledge.Find("Meta", EntityKind.Org)!);

        Assert.All(TalentFlows.For(Knowledge, meta, since: 2024), m => Assert.True(m.Year >= 2024));
        Assert.True(TalentFlows.For(Knowledge, meta, since: 2024).Count < TalentFlows.For(Knowledge, meta).Count);
    }

    [Fact]
    public void TheLlamaTeamIsMostlyGoneAndEachAuthorHasEvidence()
    {
        var llama = Knowledge.Find("LLaMA-65B", EntityKind.Model)!;

        var team = Team.Of(Knowledge, llama);

        Assert.Equal(14, team.Count);
        var lample = Assert.Single(team, m => m.Person == "Guillaume Lample");
        Assert.Equal((TeamPlace.Elsewhere, "Mistral AI"), (lample.Place, lample.Org));
        Assert.All(team.Where(m => m.Place != TeamPlace.Unknown), m => Assert.NotNull(m.Evidence));
        Assert.All(team.Where(m => m.Place != TeamPlace.Unknown), m => Assert.True(string.CompareOrdinal(m.Date, "2023-02") > 0));
        Assert.True(team.Count(m => m.Place == TeamPlace.Elsewhere) >= 5);
    }
}
