using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Radar.Feeds.Text;

namespace Radar.Feeds.Matching;

/// <summary>
/// A subscriber's regular expression over a story's title and summary. It runs on .NET's
/// non-backtracking engine, so its cost is linear in the text whatever the pattern (<c>(a+)+$</c>
/// included), and it matches case-, accent- and Arabic-variant-insensitively: the story's text and
/// the pattern's letters are folded as names are (é → e, أ → ا), while the pattern's ASCII, its
/// syntax, is left as written.
/// </summary>
public sealed class TextPattern
{
    public const int MaxLength = 200;

    /// <summary>Distinct patterns kept compiled and shared between subscriptions; past this, each subscription compiles its own.</summary>
    public const int CacheSize = 4_096;

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly ConcurrentDictionary<string, TextPattern> Compiled = new(StringComparer.Ordinal);

    private readonly Regex _regex;

    private TextPattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    /// <summary>The pattern as the subscriber wrote it.</summary>
    public string Source { get; }

    /// <summary>The engine's options: always non-backtracking.</summary>
    public RegexOptions RegexOptions => _regex.Options;

    /// <summary>The pattern, or null with an error fit for the user: too long, not a regular expression, or a construct the linear-time engine cannot run.</summary>
    public static TextPattern? TryCreate(string? source, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = "A pattern cannot be empty.";
            return null;
        }

        if (source.Length > MaxLength)
        {
            error = $"A pattern is at most {MaxLength} characters; this one has {source.Length}.";
            return null;
        }

        if (Compiled.TryGetValue(source, out var known))
        {
            return known;
        }

        try
        {
            var pattern = new TextPattern(source, new Regex(FoldLetters(source), Options));
            if (Compiled.Count < CacheSize)
            {
                pattern = Compiled.GetOrAdd(source, pattern);
            }

            return pattern;
        }
        catch (NotSupportedException e)
        {
            error = $"Pattern \"{source}\" uses a construct Radar does not run (backreferences, lookarounds, atomic or conditional groups), so that no pattern can stall matching: {e.Message}";
        }
        catch (ArgumentException e)
        {
            error = $"Pattern \"{source}\" is not a valid regular expression: {e.Message}";
        }

        return null;
    }

    /// <summary>The first stretch of the folded text the pattern matches, or null.</summary>
    public string? FirstMatch(string foldedText)
    {
        ArgumentNullException.ThrowIfNull(foldedText);
        var match = _regex.Match(foldedText);
        return match.Success ? match.Value : null;
    }

    public bool IsMatch(string foldedText) => _regex.IsMatch(foldedText);

    /// <summary>A story's text as patterns read it: every letter folded, punctuation and spacing kept.</summary>
    public static string FoldText(string text) => MatchText.Fold(text ?? string.Empty);

    /// <summary>Folds the non-ASCII letters of a pattern (accents, Arabic variants) and leaves its ASCII, the syntax, untouched.</summary>
    private static string FoldLetters(string source)
    {
        if (Ascii.IsValid(source))
        {
            return source;
        }

        var output = new StringBuilder(source.Length);
        var start = 0;
        while (start < source.Length)
        {
            var end = start;
            var ascii = char.IsAscii(source[start]);
            while (end < source.Length && char.IsAscii(source[end]) == ascii)
            {
                end++;
            }

            output.Append(ascii ? source[start..end] : MatchText.Fold(source[start..end]));
            start = end;
        }

        return output.ToString();
    }
}
