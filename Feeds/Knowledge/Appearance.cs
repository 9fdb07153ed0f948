namespace Radar.Feeds.Knowledge;

/// <summary>
/// One line of a person's paper trail: an author of <paramref name="Model"/>, published on
/// <paramref name="Date"/> (yyyy-MM-dd) by <paramref name="OrgIds"/> (one or more organisations).
/// From Epoch AI's Notable AI Models dataset.
/// </summary>
public sealed record Appearance(string Model, IReadOnlyList<string> OrgIds, string Date, string? Link);
