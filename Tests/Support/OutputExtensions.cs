namespace Radar.Tests.Support;

internal static class OutputExtensions
{
    /// <summary>The titles of the alert blocks the console printed ("┏━ title").</summary>
    public static List<string> AlertTitles(this string output) =>
        output.Split('\n').Where(l => l.StartsWith("┏━ ", StringComparison.Ordinal)).Select(l => l[3..].TrimEnd('\r')).ToList();
}
