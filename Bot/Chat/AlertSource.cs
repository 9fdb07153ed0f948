namespace Radar.Bot.Chat;

/// <summary>One outlet that reported the story, and its link.</summary>
public sealed record AlertSource(string Feed, string? Link);
