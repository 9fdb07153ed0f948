using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;
using Radar.Tests.Feeds.Parsing;
using Xunit.Abstractions;

namespace Radar.Tests.Feeds.Knowledge;

/// <summary>The knowledge built from Epoch AI's dataset and the organisation catalogue: merged companies, paper trails, careful matching.</summary>
public sealed class DatasetKnowledgeTests(ITestOutputHelper output)
{
    private static readonly KnowledgeBase Knowledge = SeedKnowledge.Load();

    [Fact]
    public void KnowsEveryModelAndAtLeastSixHundredOrganisations()
    {
        var orgs = Knowledge.Entities.Count(e => e.Kind == EntityKind.Org);
        output.WriteLine($"{orgs} organisations, {Knowledge.Entities.Count(e => e.Kind == EntityKind.Model)} models, {Knowledge.Entities.Count(e => e.Kind == EntityKind.Person)} people");
        Assert.True(orgs >= 600, $"{orgs} organisations");
        using var stream = typeof(SeedKnowledge).Assembly.GetManifestResourceStream("Radar.Knowledge.epoch.json")!;
        var snapshot = Radar.Feeds.Knowledge.Epoch.EpochImporter.Deserialize(new StreamReader(stream).ReadToEnd());
        Assert.Equal(976, snapshot.Models.Count);
        Assert.All(snapshot.Models, m => Assert.True(Knowledge.Find(m.Name, EntityKind.Model) is { FromDataset: true }, m.Name));
        Assert.All(Knowledge.Entities.Where(e => e.Kind == EntityKind.Org), o => Assert.False(string.IsNullOrEmpty(o.Source), o.Name + " has no source"));
    }

    [Theory]
    [InlineData("Meta AI", "Meta")]
    [InlineData("Facebook AI Research", "Meta")]
    [InlineData("FAIR", "Meta")]
    [InlineData("DeepMind", "Google")]
    [InlineData("Google Brain", "Google")]
    [InlineData("Google Research", "Google")]
    [InlineData("Microsoft Research Asia", "Microsoft")]
    [InlineData("Carnegie Mellon University (CMU)", "Carnegie Mellon University")]
    public void MergesTheDatasetsSpellingsIntoOneCompany(string spelling, string company)
    {
        var org = Knowledge.Find(spelling, EntityKind.Org);

        Assert.NotNull(org);
        Assert.Equal(company, Knowledge.Root(org).Name);
    }

    [Fact]
    public void ModelsCarryMakerDateAccessibilityParametersAndFamily()
    {
        var model = Knowledge.Find("Llama 3.1-405B", EntityKind.Model)!;

        Assert.Equal("Meta", Knowledge.Get(model.MakerId)!.Name);
        Assert.StartsWith("2024-07", model.Released, StringComparison.Ordinal);
        Assert.Equal("Llama 3.1", model.Family);
        Assert.NotNull(model.Accessibility);
        Assert.True(model.Parameters > 4e11);
        Assert.True(model.FromDataset);
    }

    [Fact]
    public void ThePaperTrailInfersLamplesMoveFromMetaToMistral()
    {
        var lample = Knowledge.Find("Guillaume Lample", EntityKind.Person)!;

        var move = Assert.Single(PaperTrail.InferMoves(lample, Knowledge), m => Knowledge.Get(m.ToOrgId)!.Name == "Mistral AI");
        Assert.Equal("Meta", Knowledge.Get(move.FromOrgId)!.Name);
        Assert.Equal("LLaMA-65B", move.Last.Model);
        Assert.Equal("Mixtral 8x7B", move.First.Model);
    }

    [Fact]
    public void MovesInsideOneCompanyAreNotMoves()
    {
        var person = new KnownEntity
        {
            Id = "person:test",
            Kind = EntityKind.Person,
            Name = "Test Person",
            Appearances =
            [
                new Appearance("A", [Knowledge.Find("Google Brain", EntityKind.Org)!.Id], "2018-01-01", null),
                new Appearance("B", [Knowledge.Find("DeepMind", EntityKind.Org)!.Id], "2020-01-01", null),
                new Appearance("C", [Knowledge.Find("OpenAI", EntityKind.Org)!.Id, Knowledge.Find("Stanford University", EntityKind.Org)!.Id], "2021-01-01", null),
                new Appearance("D", [Knowledge.Find("Anthropic", EntityKind.Org)!.Id], "2022-01-01", null),
            ],
        };

        var move = Assert.Single(PaperTrail.InferMoves(person, Knowledge));
        Assert.Equal(("Google DeepMind", "Anthropic"), (Knowledge.Get(move.FromOrgId)!.Name, Knowledge.Get(move.ToOrgId)!.Name));
    }

    [Theory]
    [InlineData("Jack Rae joins Meta", true)]
    [InlineData("jack rae joins meta", false)]
    [InlineData("The Transformer turns eight", false)]
    [InlineData("Rae says the results hold", false)]
    public void DatasetNamesMatchOnlyAsFullCapitalisedNamesThatAreNotCommonWords(string text, bool found)
    {
        var mentions = Knowledge.FindMentions(MatchText.Tokenize(text)).Where(m => m.Entity.FromDataset && m.Entity.Kind != EntityKind.Org).ToList();

        Assert.Equal(found, mentions.Count > 0);
    }

    /// <summary>
    /// The 60 real-world corpus feeds are mostly not AI news: every person the larger knowledge base
    /// finds in them is printed, and each must be a real mention of that person (reviewed list).
    /// </summary>
    [Fact]
    public void TheRealWorldCorpusGainsNoWrongPersonMention()
    {
        var extractor = new EventExtractor(Knowledge);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in CorpusTests.RealWorldEntries())
        {
            foreach (var person in extractor.Extract(entry.Title, entry.Summary).People)
            {
                var entity = Knowledge.Find(person, EntityKind.Person);
                if (entity is { FromDataset: true } || entity is { Match: MatchRule.Cased })
                {
                    found.Add($"{person} — {entry.Title}");
                }
            }
        }

        foreach (var line in found)
        {
            output.WriteLine(line);
        }

        Assert.All(found, line => Assert.Contains(Reviewed, name => line.StartsWith(name + " — ", StringComparison.Ordinal)));
    }

    /// <summary>People the corpus names and that were checked, one by one, to be the person the knowledge base means.</summary>
    private static readonly string[] Reviewed =
    [
        "Bo Li", "David Wu", // named in paper author lists (a person of that name, as the knowledge base says: a paper author)
        "Donald Trump", "Elon Musk", "Jeff Bezos", "Mark Zuckerberg", "Satya Nadella", "Sundar Pichai", "Tim Cook", "Xi Jinping",
    ];
}
