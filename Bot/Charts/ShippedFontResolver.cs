using SkiaSharp;

namespace Radar.Bot.Charts;

/// <summary>Lets ScottPlot draw in the shipped Latin font, from the typefaces already read from the assembly (no files written).</summary>
public sealed class ShippedFontResolver : ScottPlot.IFontResolver
{
    public const string Family = "Radar Noto Sans";

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? ChartFonts.Get(ChartFonts.Latin, bold) : null;

    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);
}
