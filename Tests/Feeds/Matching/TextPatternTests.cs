using System.Text.RegularExpressions;
using Radar.Feeds.Matching;

namespace Radar.Tests.Feeds.Matching;

public sealed class TextPatternTests
{
    [Fact]
    public void PatternsRunOnTheNonBacktrackingEngine()
    {
        var pattern = TextPattern.TryCreate(@"\bopen[- ]weights?\b", out _)!;

        Assert.True(pattern.RegexOptions.HasFlag(RegexOptions.NonBacktracking));
        Assert.True(pattern.RegexOptions.HasFlag(RegexOptions.IgnoreCase));
    }

    [Fact]
    public void ACatastrophicPatternOnALongTitleAnswersInLinearTime()
    {
        // (a+)+$ against "aaa…a!" takes 2^n steps on a backtracking engine: this test would never end there.
        var pattern = TextPattern.TryCreate("(a+)+$", out _)!;

        Assert.False(pattern.IsMatch(new string('a', 5_000) + "!"));
        Assert.True(pattern.IsMatch(new string('a', 5_000)));
    }

    [Theory]
    [InlineData(@"\bopen[- ]weights?\b", "Mistral releases Open-Weights model", "open-weights")]
    [InlineData("modèle", "Un nouveau MODELE ouvert", "modele")]
    [InlineData("modele", "Un nouveau modèle ouvert", "modele")]
    [InlineData("إطلاق", "اطلاق نموذج جديد", "اطلاق")]
    [InlineData("نموذج مفتوح", "أطلقت ميتا نموذجًا مفتوحًا", null)] // Arabic case endings are words of their own; a pattern is literal
    [InlineData(@"gpt-?5(\.\d)?", "OpenAI ships GPT-5.1 today", "gpt-5.1")]
    public void MatchesAcrossCaseAccentsAndArabicSpellings(string source, string text, string? found)
    {
        var pattern = TextPattern.TryCreate(source, out var error);

        Assert.Null(error);
        Assert.Equal(found, pattern!.FirstMatch(TextPattern.FoldText(text)));
    }

    [Theory]
    [InlineData("open[- weights", "is not a valid regular expression")]
    [InlineData(@"(open) \1", "uses a construct Radar does not run")]
    [InlineData("(?<=open)weights", "uses a construct Radar does not run")]
    [InlineData("(?>open)", "uses a construct Radar does not run")]
    [InlineData("   ", "cannot be empty")]
    public void RefusesWhatItCannotRunWithAClearError(string source, string message)
    {
        Assert.Null(TextPattern.TryCreate(source, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesPatternsOverTwoHundredCharacters()
    {
        Assert.NotNull(TextPattern.TryCreate(new string('a', TextPattern.MaxLength), out _));
        Assert.Null(TextPattern.TryCreate(new string('a', TextPattern.MaxLength + 1), out var error));
        Assert.Contains("at most 200 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscriptionsWithTheSamePatternShareOneCompiledPattern() =>
        Assert.Same(TextPattern.TryCreate(@"\bagents?\b", out _), TextPattern.TryCreate(@"\bagents?\b", out _));
}
