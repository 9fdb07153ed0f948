using SkiaSharp;

namespace Radar.Bot.Charts;

/// <summary>What every chart does with SkiaSharp: a white canvas, a ScottPlot plot drawn into part of it, the PNG at the end.</summary>
public static class ChartImage
{
    public static SKSurface Canvas(int width, int height)
    {
        var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        return surface;
    }

    /// <summary>A ScottPlot plot in the shipped font (set before anything is added: ScottPlot applies it to what exists).</summary>
    public static ScottPlot.Plot NewPlot()
    {
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ChartFonts.ForScottPlot);
        return plot;
    }

    /// <summary>Renders the plot at <paramref name="width"/>×<paramref name="height"/> and draws it at (0, <paramref name="top"/>).</summary>
    public static void DrawPlot(SKCanvas canvas, ScottPlot.Plot plot, int width, int height, int top)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(plot);
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        canvas.DrawImage(image, 0, top);
    }

    public static byte[] Png(SKSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
