using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>/whois for names known only from Epoch AI's dataset: the paper trail, inferred moves marked as such, and the credit.</summary>
public sealed class WhoisDatasetTests
{
    [Fact]
    public async Task AnswersForModelsAndAuthorsKnownOnlyFromTheDatasetWithTheCredit()
    {
        using var bot = new BotHarness();

        var output = await bot.RunOnceAsync("/whois Gopher\n/whois Oriol Vinyals\n/whois Guillaume Lample\n");

        var answers = output.Split("» ", StringSplitOptions.RemoveEmptyEntries);
        var gopher = Assert.Single(answers, a => a.StartsWith("Gopher (model)", StringComparison.Ordinal));
        Assert.Contains("By: Google DeepMind", gopher, StringComparison.Ordinal);
        Assert.Contains("Released: 2021-12", gopher, StringComparison.Ordinal);
        Assert.Contains("Parameters: 280B", gopher, StringComparison.Ordinal);
        Assert.Contains("Data: Epoch AI (epoch.ai)", gopher, StringComparison.Ordinal);

        var vinyals = Assert.Single(answers, a => a.StartsWith("Oriol Vinyals (person)", StringComparison.Ordinal));
        Assert.Contains("Last seen: Google DeepMind", vinyals, StringComparison.Ordinal);
        Assert.Contains("from author lists", vinyals, StringComparison.Ordinal);
        Assert.Contains("Papers (", vinyals, StringComparison.Ordinal);
        Assert.Contains("Data: Epoch AI (epoch.ai)", vinyals, StringComparison.Ordinal);

        // Verified facts first; the inferred step below them, marked as inferred, with its evidence.
        var lample = Assert.Single(answers, a => a.StartsWith("Guillaume Lample (person)", StringComparison.Ordinal));
        Assert.True(lample.IndexOf("Path: Meta → Mistral AI", StringComparison.Ordinal) < lample.IndexOf("Inferred: Meta → Mistral AI, between 2023-02 and 2023-12", StringComparison.Ordinal));
        Assert.Contains("(author of LLaMA-65B, then of Mixtral 8x7B)", lample, StringComparison.Ordinal);
    }
}
