using System.Globalization;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Knowledge.Flows;
using SkiaSharp;

namespace Radar.Bot.Charts;

/// <summary>
/// Where the authors of a model are now, as a PNG: one horizontal bar per place (each organisation
/// they are known at since, still at the maker, left with no destination known, unknown), longest
/// first. ScottPlot draws the bars; the title and the place names are shaped by HarfBuzz.
/// </summary>
public static class TeamChart
{
    public const int Width = 1000;
    private const int Header = 70;
    private const int Footer = 40;
    private const int LabelColumn = 280;
    private const int RowHeight = 38;

    private static readonly SKColor Elsewhere = new(0xE0, 0x7B, 0x39);
    private static readonly SKColor Stayed = new(0x1F, 0x4E, 0x79);
    private static readonly SKColor Unknown = new(0x9A, 0xA5, 0xB1);

    public static byte[] Render(string model, string maker, IReadOnlyList<TeamMember> team, string? language)
    {
        ArgumentNullException.ThrowIfNull(team);
        var words = TalentWords.For(language);
        var rows = Rows(maker, team, words);
        var height = Header + Footer + 40 + (Math.Max(1, rows.Count) * RowHeight);
        using var surface = ChartImage.Canvas(Width, height);
        var canvas = surface.Canvas;
        var rtl = words.RightToLeft;
        ShapedText.Draw(canvas, words.TeamChartTitle(model, team.Count), rtl ? Width - 24 : 24, 42, 24, SKColors.Black, bold: true, rtl);

        var plot = ChartImage.NewPlot();
        var bars = rows.Select((row, i) => new ScottPlot.Bar
        {
            Position = rows.Count - i,
            Value = row.Count,
            FillColor = new ScottPlot.Color(row.Color.Red, row.Color.Green, row.Color.Blue),
            Label = row.Count.ToString(CultureInfo.InvariantCulture),
            Size = 0.7,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks([.. bars.Select(b => b.Position)], [.. bars.Select(_ => string.Empty)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) };
        plot.Axes.SetLimits(0, Math.Max(1, rows.Select(r => r.Count).DefaultIfEmpty(1).Max()) + 1, 0.4, rows.Count + 0.6);
        plot.Layout.Fixed(new ScottPlot.PixelPadding(LabelColumn, 30, 30, 10));
        ChartImage.DrawPlot(canvas, plot, Width, height - Header - Footer, Header);

        foreach (var (row, bar) in rows.Zip(bars))
        {
            var y = Header + plot.GetPixel(new ScottPlot.Coordinates(0, bar.Position)).Y + 6;
            ShapedText.Draw(canvas, row.Label, LabelColumn - 12, y, 16, SKColors.Black, bold: false, rtl, alignRight: true);
        }

        ShapedText.Draw(canvas, EpochSnapshot.CreditLine, rtl ? Width - 24 : 24, height - 14, 13, SKColors.Gray, bold: false, rightToLeft: false, alignRight: rtl);
        return ChartImage.Png(surface);
    }

    private static List<(string Label, int Count, SKColor Color)> Rows(string maker, IReadOnlyList<TeamMember> team, TalentWords words)
    {
        var rows = team.Where(m => m.Place == TeamPlace.Elsewhere)
            .GroupBy(m => m.Org ?? "?", StringComparer.Ordinal)
            .Select(g => (Label: g.Key.StartsWith(Team.LeftPrefix, StringComparison.Ordinal) ? words.Left(g.Key[Team.LeftPrefix.Length..]) : g.Key, Count: g.Count(), Color: Elsewhere))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var stayed = team.Count(m => m.Place == TeamPlace.StillAtMaker);
        if (stayed > 0)
        {
            rows.Add((words.StillAt(maker), stayed, Stayed));
        }

        var unknown = team.Count(m => m.Place == TeamPlace.Unknown);
        if (unknown > 0)
        {
            rows.Add((words.Unknown, unknown, Unknown));
        }

        return rows;
    }
}
