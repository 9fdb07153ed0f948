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
    string? Matched);
