using Radar.Feeds.Extraction;

namespace Radar.Storage.Entities;

/// <summary>Between a stored <see cref="SubscriptionTopic"/> and the analysis's <see cref="Topic"/>? (null for any topic).</summary>
public static class SubscriptionTopics
{
    public static Topic? ToTopic(this SubscriptionTopic topic) => topic switch
    {
        SubscriptionTopic.Talent => Topic.Talent,
        SubscriptionTopic.Launches => Topic.Launches,
        _ => null,
    };

    public static SubscriptionTopic FromTopic(Topic? topic) => topic switch
    {
        Topic.Talent => SubscriptionTopic.Talent,
        Topic.Launches => SubscriptionTopic.Launches,
        null => SubscriptionTopic.All,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };
}
