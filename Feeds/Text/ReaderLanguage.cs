namespace Radar.Feeds.Text;

/// <summary>The languages Radar writes alerts and replies in, and reads subscriptions' <c>lang:</c> filters in: the one list every command and platform offers.</summary>
public static class ReaderLanguage
{
    public const string English = "en";

    public const string Arabic = "ar";

    public const string French = "fr";

    /// <summary>Every reader language, in the order commands offer them.</summary>
    public static IReadOnlyList<string> All { get; } = [English, Arabic, French];

    /// <summary>"en|ar|fr", for help texts.</summary>
    public static string Choices { get; } = string.Join('|', All);

    /// <summary>"en, ar or fr", for error messages.</summary>
    public static string Listed { get; } = string.Join(", ", All.Take(All.Count - 1)) + " or " + All[^1];

    /// <summary>The language a user typed, lower-cased, when Radar reads and writes it; else null.</summary>
    public static string? Parse(string? typed) =>
        typed?.Trim().ToLowerInvariant() is { } code && All.Contains(code, StringComparer.Ordinal) ? code : null;
}
