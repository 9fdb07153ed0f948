using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Radar.Bot.Charts;

/// <summary>
/// Draws a line of text shaped by HarfBuzz, with the little bidirectional layout a chart label needs:
/// Arabic letters joined and right to left, Latin names inside an Arabic sentence left to right and
/// where a reader expects them, spaces and punctuation taking the direction around them, brackets
/// mirrored in right-to-left runs, and each piece in the shipped typeface that has its glyphs.
/// </summary>
public static class ShapedText
{
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>
    /// Draws <paramref name="text"/> as a paragraph of the given direction from <paramref name="x"/>:
    /// its left edge, or its right edge when aligned right (by default, when right to left). Returns its width.
    /// </summary>
    public static float Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool bold, bool rightToLeft, bool? alignRight = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var pieces = Layout(text, rightToLeft);
        var width = pieces.Sum(p => Shape(p.Text, p.Arabic, size, bold));
        var cursor = alignRight ?? rightToLeft ? x - width : x;
        foreach (var piece in pieces)
        {
            using var font = Font(piece.Arabic, size, bold);
            using var shaper = new SKShaper(font.Typeface);
            canvas.DrawShapedText(shaper, piece.Text, cursor, y, font, paint);
            cursor += shaper.Shape(piece.Text, font).Width;
        }

        return width;
    }

    public static float Measure(string text, float size, bool bold) => Layout(text, false).Sum(p => Shape(p.Text, p.Arabic, size, bold));

    /// <summary>The pieces of the line in visual order, left to right, each with the typeface to use.</summary>
    private static List<(string Text, bool Arabic)> Layout(string text, bool rightToLeft)
    {
        // Strong directions: Arabic letters right to left, other letters and digits left to right;
        // a neutral between two of the same direction takes it, else the paragraph's.
        var strong = text.Select(c => IsArabic(c) ? 1 : char.IsLetterOrDigit(c) ? 0 : -1).ToArray();
        ResolveBrackets(text, strong, rightToLeft);
        var resolved = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (strong[i] >= 0)
            {
                resolved[i] = strong[i] == 1;
                continue;
            }

            var before = Array.FindLastIndex(strong, i, s => s >= 0);
            var after = Array.FindIndex(strong, i, s => s >= 0);
            resolved[i] = before >= 0 && after >= 0 && strong[before] == strong[after] ? strong[before] == 1 : rightToLeft;
        }

        var runs = new List<(int Start, int End, bool Rtl)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (runs.Count > 0 && runs[^1].Rtl == resolved[i])
            {
                runs[^1] = (runs[^1].Start, i + 1, resolved[i]);
            }
            else
            {
                runs.Add((i, i + 1, resolved[i]));
            }
        }

        var visual = new List<(string Text, bool Arabic)>();
        foreach (var (start, end, rtl) in rightToLeft ? Enumerable.Reverse(runs) : runs)
        {
            var pieces = Pieces(text[start..end], rtl);
            visual.AddRange(rtl ? Enumerable.Reverse(pieces) : pieces);
        }

        return visual;
    }

    /// <summary>
    /// Brackets take the direction of what they enclose when it is the paragraph's, or when it is
    /// the other direction and so is the text before them ("Google (1)" in Arabic stays together).
    /// </summary>
    private static void ResolveBrackets(string text, int[] strong, bool rightToLeft)
    {
        var open = new Stack<int>();
        var paragraph = rightToLeft ? 1 : 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '(' or '[')
            {
                open.Push(i);
            }
            else if (text[i] is ')' or ']' && open.Count > 0)
            {
                var start = open.Pop();
                var inside = strong[(start + 1)..i].Where(s => s >= 0).Distinct().ToList();
                var before = Array.FindLastIndex(strong, Math.Max(0, start - 1), s => s >= 0) is var b && b >= 0 && start > 0 ? strong[b] : paragraph;
                int? direction = inside.Contains(paragraph) ? paragraph : inside.Count > 0 && before == inside[0] ? inside[0] : inside.Count > 0 ? paragraph : null;
                if (direction is { } d)
                {
                    strong[start] = strong[i] = d;
                }
            }
        }
    }

    /// <summary>A directional run cut where the typeface must change; in a right-to-left run, brackets are mirrored.</summary>
    private static List<(string Text, bool Arabic)> Pieces(string run, bool rtl)
    {
        var pieces = new List<(string Text, bool Arabic)>();
        foreach (var c in run)
        {
            var arabicFont = rtl && (IsArabic(c) || c == ' ');
            var glyph = rtl ? c switch { '(' => ')', ')' => '(', '[' => ']', ']' => '[', _ => c } : c;
            if (pieces.Count > 0 && pieces[^1].Arabic == arabicFont && (arabicFont || !rtl))
            {
                pieces[^1] = (pieces[^1].Text + glyph, arabicFont);
            }
            else
            {
                pieces.Add((glyph.ToString(), arabicFont));
            }
        }

        return pieces;
    }

    private static float Shape(string text, bool arabic, float size, bool bold)
    {
        using var font = Font(arabic, size, bold);
        using var shaper = new SKShaper(font.Typeface);
        return shaper.Shape(text, font).Width;
    }

    private static SKFont Font(bool arabic, float size, bool bold) => new(ChartFonts.Get(arabic ? ChartFonts.Arabic : ChartFonts.Latin, bold), size);
}
