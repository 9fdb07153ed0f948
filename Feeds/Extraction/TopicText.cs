namespace Radar.Feeds.Extraction;

/// <summary>
/// Topics as text, in one place: the lower-case names users type and see ("talent", "launches"),
/// and "all" — the subscription choice that means any topic, written <c>null</c> as a <see cref="Topic"/>?.
/// </summary>
public static class TopicText
{
    public const string All = "all";

    /// <summary>The choices a user can type after <c>topic:</c>, in the order they are shown.</summary>
    public static string[] Choices { get; } = [Name(Topic.Talent), Name(Topic.Launches), All];

    public static string Name(Topic topic) => topic switch
    {
        Topic.Talent => "talent",
        Topic.Launches => "launches",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };

    /// <summary>"all" for the any-topic choice.</summary>
    public static string Name(Topic? topic) => topic is { } t ? Name(t) : All;

    public static bool TryParse(string? text, out Topic topic)
    {
        switch (text)
        {
            case "talent":
                topic = Topic.Talent;
                return true;
            case "launches":
                topic = Topic.Launches;
                return true;
            default:
                topic = default;
                return false;
        }
    }

    /// <summary>A subscription's choice: a topic, or null for "all"; false when the text is neither.</summary>
    public static bool TryParseChoice(string? text, out Topic? choice)
    {
        choice = null;
        if (text == All)
        {
            return true;
        }

        if (TryParse(text, out var topic))
        {
            choice = topic;
            return true;
        }

        return false;
    }

    /// <summary>The stored form of a story's topics: "talent,launches".</summary>
    public static string Join(IEnumerable<Topic> topics) => string.Join(',', topics.Select(Name));

    /// <summary>Reads <see cref="Join"/>'s form back, skipping anything unknown.</summary>
    public static IReadOnlyList<Topic> Split(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => TryParse(t, out var topic) ? (Topic?)topic : null).OfType<Topic>()];
}
