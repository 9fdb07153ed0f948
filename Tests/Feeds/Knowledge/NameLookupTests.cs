using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Knowledge;

/// <summary>The one way a typed name is resolved (commands, dashboard, charts), on the shipped knowledge.</summary>
public sealed class NameLookupTests
{
    private static readonly KnowledgeBase Knowledge = SeedKnowledge.Load();

    [Theory]
    [InlineData("Guillaume Lample")]
    [InlineData("غيوم لامبل")]
    public void AnExactSpellingInAnyScriptIsTakenWhateverTheAcceptance(string name)
    {
        foreach (var accept in Enum.GetValues<NameAcceptance>())
        {
            Assert.Equal("Guillaume Lample", Knowledge.Lookup(name, EntityKind.Person, accept).Entity?.Name);
        }
    }

    [Fact]
    public void AWholeWordOfOneNameIsTakenByAFilterButNotByAnExactLookup()
    {
        Assert.Equal("Guillaume Lample", Knowledge.Lookup("Lample", EntityKind.Person, NameAcceptance.WholeWords).Entity?.Name);

        var exact = Knowledge.Lookup("Lample", EntityKind.Person);
        Assert.Null(exact.Entity);
        Assert.Contains(exact.Suggestions, e => e.Name == "Guillaume Lample");
        Assert.Equal("I don't know the person 'Lample'. Did you mean: ", exact.Problem("person")[..48]);
    }

    [Fact]
    public void ATypoIsTakenOnlyWhereTheAnswerShowsTheNameItChose()
    {
        Assert.Equal("Guillaume Lample", Knowledge.Lookup("Guillame Lample", EntityKind.Person, NameAcceptance.OnlyCandidate).Entity?.Name);
        Assert.Null(Knowledge.Lookup("Guillame Lample", EntityKind.Person, NameAcceptance.WholeWords).Entity);
    }

    [Fact]
    public void ANameSeveralEntitiesFitIsAmbiguousAndListsThem()
    {
        var lookup = Knowledge.Lookup("Daniel", EntityKind.Person, NameAcceptance.OnlyCandidate);

        Assert.Null(lookup.Entity);
        Assert.True(lookup.Ambiguous);
        Assert.True(lookup.Suggestions.Count > 1);
        Assert.StartsWith("'Daniel' could be: ", lookup.Problem("person"), StringComparison.Ordinal);
        Assert.EndsWith("Please be more precise.", lookup.Problem("person"), StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithNoLettersIsNobodyAndOffersNothing()
    {
        var lookup = Knowledge.Lookup("%00", EntityKind.Org);

        Assert.Null(lookup.Entity);
        Assert.False(lookup.Ambiguous);
        Assert.Empty(lookup.Suggestions);
        Assert.Equal("I don't know the organisation '%00'.", lookup.Problem(NameLookup.Label(EntityKind.Org)));
        Assert.Equal("I don't know '%00'.", lookup.Problem());
    }
}
