using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Tests.Support;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>The Arabic story that started the project.</summary>
public sealed class SeedStoryTests
{
    private static readonly Radar.Feeds.Extraction.Extraction Result = ExtractSeed();

    private static Radar.Feeds.Extraction.Extraction ExtractSeed()
    {
        var (title, body) = SeedStory.Read();
        return new EventExtractor(SeedKnowledge.Load()).Extract(title, body);
    }

    [Fact]
    public void IsArabicAboutTalentAndLaunches()
    {
        Assert.Equal("ar", Result.Language);
        Assert.Equal([Topic.Talent, Topic.Launches], Result.Topics);
    }

    [Fact]
    public void NamesThePeopleInTheirLatinSpelling() =>
        Assert.Superset(
            new HashSet<string> { "Hugo Touvron", "Xavier Martinet", "Faisal Azhar", "Guillaume Lample", "Timothée Lacroix", "Joelle Pineau", "Rob Fergus" },
            Result.People.ToHashSet());

    [Fact]
    public void NamesTheOrganisations() =>
        Assert.Superset(new HashSet<string> { "Meta", "Mistral AI", "Google DeepMind" }, Result.Orgs.ToHashSet());

    [Fact]
    public void MovesLampleAndLacroixFromMetaToMistral()
    {
        Assert.Contains(new Move("Guillaume Lample", "Meta", "Mistral AI"), Result.Moves);
        Assert.Contains(new Move("Timothée Lacroix", "Meta", "Mistral AI"), Result.Moves);
    }

    [Fact]
    public void TheThreeWhoStayedDoNotMove() =>
        Assert.DoesNotContain(Result.Moves, m => m.Person is "Hugo Touvron" or "Xavier Martinet" or "Faisal Azhar");

    [Fact]
    public void BehemothIsDelayed()
    {
        var delay = Assert.Single(Result.Events, e => e.Type == EventKind.ModelDelay);
        Assert.Equal("Llama 4 Behemoth", delay.Model);
        Assert.Equal("Meta", delay.Org);
        Assert.Contains("Behemoth", delay.Evidence, StringComparison.Ordinal);
    }
}
