namespace Radar.Bot.Chat;

/// <summary>One story as a platform renders it for one channel.</summary>
public sealed record Alert(
    long StoryId,
    string ChannelExternalId,
    string ChannelThreadId,
    string Title,
    string Summary,
    string? Link,
    string Source,
    DateTimeOffset Published,
    string? Matched)
{
    /// <summary>The structured headline in the channel's language ("Guillaume Lample: Meta → Mistral AI"), when the story has events.</summary>
    public string? Headline { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Orgs { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];
}
