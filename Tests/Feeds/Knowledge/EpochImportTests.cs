using Radar.Bot.Cli;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Tests.Support;

namespace Radar.Tests.Feeds.Knowledge;

/// <summary>The dataset import, on a small CSV with the real file's odd cells, and on the real file.</summary>
public sealed class EpochImportTests
{
    private static readonly string OddCsv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epoch", "odd.csv");

    private static List<EpochRow> ReadOdd()
    {
        using var reader = new StreamReader(OddCsv);
        return EpochCsvReader.Read(reader);
    }

    [Fact]
    public void ReadsCellsWithNewlinesSeveralOrganisationsAndNoAuthors()
    {
        var rows = ReadOdd();

        Assert.Equal(["Alpha Net", "Transformer", "Gamma", "Delta, the sequel"], rows.Select(r => r.Model));
        Assert.Equal(["Meta AI", "Stanford University"], rows[0].Organizations);
        Assert.Equal("2023-02-24", rows[0].Date);
        Assert.Equal(7e9, rows[0].Parameters);
        Assert.Empty(rows[2].Organizations);
        Assert.Empty(rows[2].Authors);
        Assert.Null(rows[3].Date);
    }

    [Fact]
    public void KeepsOnlyPeopleAmongTheAuthors()
    {
        var rows = ReadOdd();

        // "Qwen Team" and the row's own organisation are not people; "et al." is cut; a surname alone is dropped.
        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Alan Turing"], rows[0].Authors);
        Assert.Equal(["Ada Lovelace"], rows[1].Authors);
        Assert.Equal(["Grace Hopper"], rows[3].Authors);
    }

    [Fact]
    public void TheSnapshotIsReproducibleAndMarksTheDatasetsCommonWords()
    {
        var first = EpochImporter.Serialize(EpochImporter.Import(ReadOdd()));
        var second = EpochImporter.Serialize(EpochImporter.Import(ReadOdd()));
        var snapshot = EpochImporter.Deserialize(first);

        Assert.Equal(first, second);
        Assert.Contains("transformer", snapshot.CommonWords);
        Assert.Equal("Data: Epoch AI (epoch.ai)", snapshot.Credit);
        Assert.Contains(snapshot.Orgs, o => o.Name == "Mistral AI" && o.Kind == "Industry" && o.Country == "France");
    }

    [Fact]
    public async Task TheImportCommandWritesTheSnapshotAndRefusesWhatIsNotTheDataset()
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "epoch.json");
        var errors = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(["epoch", "--csv", OddCsv, "--out", output], TextWriter.Null, errors));
        Assert.Contains("4 models", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, EpochImporter.Deserialize(await File.ReadAllTextAsync(output)).Models.Count);

        var notCsv = Path.Combine(folder.Path, "other.csv");
        await File.WriteAllTextAsync(notCsv, "a,b\n1,2\n");
        Assert.Equal(2, await ImportCommand.RunAsync(["epoch", "--csv", notCsv], TextWriter.Null, errors));
        Assert.Equal(2, await ImportCommand.RunAsync(["epoch"], TextWriter.Null, errors));
    }

    [Fact]
    public void TheShippedSnapshotIsTheImportOfTheSharedDataset()
    {
        using var reader = new StreamReader(SharedFolder.Combine("knowledge", "epoch-notable-ai-models.csv"));
        var imported = EpochImporter.Import(EpochCsvReader.Read(reader));
        using var stream = typeof(SeedKnowledge).Assembly.GetManifestResourceStream("Radar.Knowledge.epoch.json")!;
        var shipped = new StreamReader(stream).ReadToEnd();

        Assert.Equal(976, imported.Models.Count);
        Assert.Equal(EpochImporter.Serialize(imported), shipped);
    }
}
