namespace Radar.Tests.Support;

/// <summary>The Arabic story that started the project: its headline and its body.</summary>
internal static class SeedStory
{
    public static (string Title, string Body) Read()
    {
        var lines = File.ReadAllLines(SharedFolder.Combine("seeds", "meta-talent-exodus.ar.txt")).Where(l => l.Trim().Length > 0).ToList();
        var title = lines.First(l => l.Contains("ميتا", StringComparison.Ordinal));
        return (title, string.Join('\n', lines.SkipWhile(l => l != title).Skip(1)));
    }
}
