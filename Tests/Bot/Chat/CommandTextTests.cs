using Radar.Bot.Chat;

namespace Radar.Tests.Bot.Chat;

public sealed class CommandTextTests
{
    private static CommandRequest Parse(string text)
    {
        var (request, error) = CommandText.Parse(text, "console", "c", "u", canManage: true);
        Assert.Null(error);
        return request!;
    }

    [Fact]
    public void ReadsNameArgumentsAndOptions()
    {
        var request = Parse("/subscribe launches model:\"Llama 4\" org:Meta extra");

        Assert.Equal("subscribe", request.Name);
        Assert.Equal(["launches", "extra"], request.Arguments);
        Assert.Equal("Llama 4", request.Options["model"]);
        Assert.Equal("Meta", request.Options["ORG"]);
    }

    [Fact]
    public void DropsTheBotNameSuffix() => Assert.Equal("whois", Parse("/whois@RadarBot Guillaume Lample").Name);

    [Fact]
    public void KeepsUrlsAsArguments() => Assert.Equal(["https://example.test/feed"], Parse("/feeds add https://example.test/feed").Arguments.Skip(1));

    [Fact]
    public void ReadsArabicArguments() => Assert.Equal(["غيوم", "لامبل"], Parse("/whois غيوم لامبل").Arguments);

    [Theory]
    [InlineData("help", "start with '/'")]
    [InlineData("/whois \"unclosed", "not closed")]
    [InlineData("/", "start with '/'")]
    public void RejectsMalformedCommandsWithAClearMessage(string text, string message)
    {
        var (request, error) = CommandText.Parse(text, "console", "c", "u", canManage: true);

        Assert.Null(request);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsTextOverFiveHundredCharacters()
    {
        var (request, error) = CommandText.Parse("/search " + new string('a', 500), "console", "c", "u", canManage: true);

        Assert.Null(request);
        Assert.Contains("at most 500 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedExcludesAreKeptOnePerLineAndHyphenatedOptionsAreOptions()
    {
        var (request, _) = CommandText.Parse("/subscribe launches exclude:rumour exclude:\"people familiar\" exclude-pattern:\"\\bleak\"", "console", "c", "u", canManage: true);

        Assert.Equal("rumour\npeople familiar", request!.Options["exclude"]);
        Assert.Equal("\\bleak", request.Options["exclude-pattern"]);
        Assert.Equal(["launches"], request.Arguments);
    }
}
