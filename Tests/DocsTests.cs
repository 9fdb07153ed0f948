using System.Reflection;
using Radar.Bot.Hosting;
using Radar.Feeds;
using Radar.Tests.Support;

namespace Radar.Tests;

/// <summary>The documentation cannot drift from the code: every option has its row, the README stays short and its links lead somewhere.</summary>
public sealed class DocsTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void EveryOptionOfTheCodeHasARowInTheConfigurationDoc()
    {
        var doc = File.ReadAllLines(Path.Combine(Root, "docs", "configuration.md"));
        var options = new[] { typeof(FeedsOptions).Assembly, typeof(HttpOptions).Assembly, typeof(Radar.Storage.StorageOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .ToList();
        Assert.True(options.Count >= 8, $"only {options.Count} options classes found");

        var missing = new List<string>();
        foreach (var type in options)
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            // Settable values and bound collections; a computed property (Enabled => Token is set) is no key.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || (p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))))
            {
                var key = section + ":" + property.Name;
                if (!doc.Any(line => line.Contains(key, StringComparison.Ordinal) || (line.Contains(section, StringComparison.Ordinal) && line.Contains("…:" + property.Name, StringComparison.Ordinal))))
                {
                    missing.Add(key);
                }
            }
        }

        Assert.True(missing.Count == 0, "docs/configuration.md has no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheReadmeIsShortAndEveryLocalLinkLeadsToAFile()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.True(readme.Split('\n').Length <= 200, "README.md is over 200 lines: move the detail to docs/");
        foreach (var doc in new[] { "chat", "configuration", "operations", "architecture", "measurements" })
        {
            Assert.Contains($"](docs/{doc}.md", readme, StringComparison.Ordinal);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md")))
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"\]\((?!https?:|#)([^)#\s]+)"))
            {
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, link.Groups[1].Value)), $"{Path.GetFileName(file)} links to {link.Groups[1].Value}, which does not exist");
            }
        }
    }
}
