using System.Globalization;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Knowledge.Flows;
using SkiaSharp;

namespace Radar.Bot.Charts;

/// <summary>
/// An organisation's talent flows as a PNG: arrivals above the axis and departures below, by year,
/// each bar stacked by evidence (verified facts, news reports, and moves inferred from author lists,
/// drawn in grey and labelled so), with the main origins and destinations named beneath. ScottPlot
/// draws the bars and axes; the title and legend are shaped by HarfBuzz, so Arabic reads right to left.
/// </summary>
public static class FlowsChart
{
    public const int Width = 1000;
    public const int Height = 600;
    private const int Header = 96;
    private const int Footer = 96;

    private static readonly (Evidence Evidence, SKColor Color)[] Palette =
    [
        (Evidence.Fact, new SKColor(0x1F, 0x4E, 0x79)),
        (Evidence.News, new SKColor(0xE0, 0x7B, 0x39)),
        (Evidence.Inferred, new SKColor(0x9A, 0xA5, 0xB1)),
    ];

    /// <summary>The chart of an organisation, titled with its Arabic name in an Arabic channel when it has one.</summary>
    public static byte[] Render(KnownEntity org, IReadOnlyList<OrgMove> moves, string? language)
    {
        ArgumentNullException.ThrowIfNull(org);
        return Render(language == "ar" && org.ArabicNames.Count > 0 ? org.ArabicNames[0] : org.Name, moves, language);
    }

    public static byte[] Render(string org, IReadOnlyList<OrgMove> moves, string? language)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var words = TalentWords.For(language);
        using var surface = ChartImage.Canvas(Width, Height);
        var canvas = surface.Canvas;
        ChartImage.DrawPlot(canvas, Bars(moves), Width, Height - Header - Footer, Header);

        var rtl = words.RightToLeft;
        float Edge(float inset) => rtl ? Width - inset : inset;
        ShapedText.Draw(canvas, words.FlowsChartTitle(org), Edge(24), 40, 24, SKColors.Black, bold: true, rtl);
        var x = Edge(24);
        foreach (var (evidence, color) in Palette)
        {
            using var swatch = new SKPaint { Color = color, IsAntialias = true };
            var label = words.Legend(evidence);
            canvas.DrawRect(rtl ? x - 16 : x, 62, 16, 16, swatch);
            var width = ShapedText.Draw(canvas, label, rtl ? x - 24 : x + 24, 76, 16, SKColors.DimGray, bold: false, rtl);
            x += (rtl ? -1 : 1) * (width + 56);
        }

        var arrivals = Top(moves.Where(m => m.Arrival));
        var departures = Top(moves.Where(m => !m.Arrival));
        ShapedText.Draw(canvas, words.Arrivals(moves.Count(m => m.Arrival), arrivals), Edge(24), Height - Footer + 34, 16, SKColors.Black, bold: false, rtl);
        ShapedText.Draw(canvas, words.Departures(moves.Count(m => !m.Arrival), departures), Edge(24), Height - Footer + 60, 16, SKColors.Black, bold: false, rtl);
        if (moves.Any(m => m.Evidence == Evidence.Inferred))
        {
            ShapedText.Draw(canvas, EpochSnapshot.CreditLine, Edge(24), Height - 10, 13, SKColors.Gray, bold: false, rightToLeft: false, alignRight: rtl);
        }

        return ChartImage.Png(surface);
    }

    /// <summary>"Google (5), Meta (3), …": the most frequent counterparts.</summary>
    public static string Top(IEnumerable<OrgMove> moves, int count = 4)
    {
        var top = moves.GroupBy(m => m.Other, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count)
            .Select(g => $"{g.Key} ({g.Count()})").ToList();
        return top.Count == 0 ? "—" : string.Join(", ", top);
    }

    private static ScottPlot.Plot Bars(IReadOnlyList<OrgMove> moves)
    {
        var plot = ChartImage.NewPlot();
        var bars = new List<ScottPlot.Bar>();
        foreach (var year in moves.GroupBy(m => m.Year))
        {
            double up = 0, down = 0;
            foreach (var (evidence, color) in Palette)
            {
                var arrived = year.Count(m => m.Arrival && m.Evidence == evidence);
                var left = year.Count(m => !m.Arrival && m.Evidence == evidence);
                var fill = new ScottPlot.Color(color.Red, color.Green, color.Blue);
                if (arrived > 0)
                {
                    bars.Add(new ScottPlot.Bar { Position = year.Key, ValueBase = up, Value = up + arrived, FillColor = fill, Size = 0.7 });
                    up += arrived;
                }

                if (left > 0)
                {
                    bars.Add(new ScottPlot.Bar { Position = year.Key, ValueBase = down, Value = down - left, FillColor = fill, Size = 0.7 });
                    down -= left;
                }
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        plot.Add.HorizontalLine(0, 1, ScottPlot.Colors.Black);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => Math.Abs(v).ToString("0", CultureInfo.InvariantCulture) }; // departures count down, shown as counts
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        var years = moves.Select(m => m.Year).DefaultIfEmpty(DateTime.UtcNow.Year).ToList();
        var most = Math.Max(1, bars.Select(b => Math.Abs(b.Value)).DefaultIfEmpty(1).Max());
        plot.Axes.SetLimits(years.Min() - 0.8, years.Max() + 0.8, -most - 0.5, most + 0.5);
        return plot;
    }
}
