using Radar.Bot.Charts;
using Radar.Feeds.Knowledge.Flows;
using SkiaSharp;

namespace Radar.Tests.Bot.Charts;

/// <summary>The flows chart as a picture: a PNG of the right size with something drawn, in Latin and Arabic.</summary>
public sealed class FlowsChartTests
{
    private static readonly OrgMove[] Moves =
    [
        new("p1", "Guillaume Lample", false, "Mistral AI", "org:mistral", 2023, "2023-04", Evidence.Fact, "https://example.test/1"),
        new("p2", "Timothée Lacroix", false, "Mistral AI", "org:mistral", 2023, "2023-04", Evidence.News, "https://example.test/2"),
        new("p3", "A. Researcher", true, "Google", "org:google", 2021, "2021-06-01", Evidence.Inferred, "Paper A → Paper B"),
    ];

    private static (int Width, int Height, int Coloured) Inspect(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        var coloured = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                coloured += pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200 ? 1 : 0;
            }
        }

        return (bitmap.Width, bitmap.Height, coloured);
    }

    [Fact]
    public void TheChartIsAPngOfTheRightSizeWithBarsAndText()
    {
        var (width, height, coloured) = Inspect(FlowsChart.Render("Meta", Moves, "en"));

        Assert.Equal((FlowsChart.Width, FlowsChart.Height), (width, height));
        Assert.True(coloured > 5_000, $"only {coloured} drawn pixels");
    }

    [Fact]
    public void AnArabicChartIsDrawnWithArabicGlyphsAndDiffersFromTheEnglishOne()
    {
        var arabic = FlowsChart.Render("ميتا", Moves, "ar");
        var english = FlowsChart.Render("Meta", Moves, "en");

        Assert.True(Inspect(arabic).Coloured > 5_000);
        Assert.NotEqual(english, arabic);
        Assert.True(ShapedText.Measure("ميتا", 24, bold: true) > 20, "the Arabic font has the glyphs");
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "radar-flows-ar.png"), arabic);
    }

    [Fact]
    public void TheTeamChartHasABarPerPlaceAndTheCredit()
    {
        TeamMember Member(string name, string? org, TeamPlace place) => new("p:" + name, name, org, null, "2024-01", place == TeamPlace.Unknown ? null : Evidence.Fact, null, place);
        TeamMember[] team = [Member("A", "Mistral AI", TeamPlace.Elsewhere), Member("B", "Mistral AI", TeamPlace.Elsewhere), Member("C", "Meta", TeamPlace.StillAtMaker), Member("D", null, TeamPlace.Unknown)];

        var png = TeamChart.Render("LLaMA-65B", "Meta", team, "en");
        var (width, height, coloured) = Inspect(png);

        Assert.Equal(TeamChart.Width, width);
        Assert.True(height > 200);
        Assert.True(coloured > 3_000, $"only {coloured} drawn pixels");
        Assert.NotEqual(png, TeamChart.Render("LLaMA-65B", "Meta", team, "ar"));
    }

    [Fact]
    public void AnOrganisationWithoutMovesStillGetsAChart()
    {
        Assert.Equal(FlowsChart.Width, Inspect(FlowsChart.Render("Nobody Inc.", [], "fr")).Width);
    }

    [Fact]
    public void TheCreditIsDrawnOnlyWhenTheDatasetContributed()
    {
        static int BottomInk(byte[] png)
        {
            using var bitmap = SKBitmap.Decode(png);
            var ink = 0;
            for (var y = bitmap.Height - 22; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    ink += bitmap.GetPixel(x, y).Red < 200 ? 1 : 0;
                }
            }

            return ink;
        }

        Assert.True(BottomInk(FlowsChart.Render("Meta", Moves, "en")) > 50); // "Data: Epoch AI (epoch.ai)"
        Assert.Equal(0, BottomInk(FlowsChart.Render("Meta", [.. Moves.Where(m => m.Evidence != Evidence.Inferred)], "en")));
    }
}
