using System.Collections.Concurrent;
using SkiaSharp;

namespace Radar.Bot.Charts;

/// <summary>
/// The fonts Radar ships (Noto Sans and Noto Sans Arabic, SIL Open Font Licence, embedded in the
/// assembly), so that a chart looks the same on every machine, with or without fonts installed.
/// </summary>
public static class ChartFonts
{
    public const string Latin = "NotoSans";
    public const string Arabic = "NotoSansArabic";

    private static readonly ConcurrentDictionary<string, SKTypeface> Typefaces = new(StringComparer.Ordinal);
    private static readonly Lazy<string> ScottPlotFamily = new(RegisterWithScottPlot);

    /// <summary>One of the shipped typefaces: <see cref="Latin"/> or <see cref="Arabic"/>, regular or bold.</summary>
    public static SKTypeface Get(string family, bool bold = false) =>
        Typefaces.GetOrAdd(family + (bold ? "-Bold" : "-Regular"), name =>
        {
            using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream($"Radar.Fonts.{name}.ttf")
                ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
            using var data = SKData.Create(stream);
            return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {name}.ttf could not be read.");
        });

    /// <summary>The family name ScottPlot knows the shipped Latin font by (its tick labels are digits and Latin names).</summary>
    public static string ForScottPlot => ScottPlotFamily.Value;

    private static string RegisterWithScottPlot()
    {
        ScottPlot.Fonts.FontResolvers.Add(new ShippedFontResolver());
        return ShippedFontResolver.Family;
    }
}
