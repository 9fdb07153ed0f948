using Radar.Feeds.Extraction;

namespace Radar.Feeds.Matching;

/// <summary>
/// One subscription as the matcher sees it: a topic (null for "all": any topic Radar alerts on)
/// and optional filters that must all hold: entity ids, a keyword phrase, a source language.
/// </summary>
public sealed record SubscriptionFilter(
    long Id,
    long ChannelId,
    Topic? Topic,
    string? OrgId = null,
    string? PersonId = null,
    string? ModelId = null,
    string? Keyword = null,
    string? SourceLanguage = null)
{
    /// <summary>"HH:mm" local time of the channel's digest; null for instant alerts.</summary>
    public string? DigestTime { get; init; }

    /// <summary>"HH:mm-HH:mm" local hours during which instant alerts wait.</summary>
    public string? QuietHours { get; init; }

    /// <summary>The channel's IANA time zone, for digests and quiet hours.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The language the channel reads alerts in, for which the story's summary is made.</summary>
    public string ChannelLanguage { get; init; } = "en";

    /// <summary>The entity filters, person first (the most selective), computed once.</summary>
    public string[] EntityIds { get; } = [.. new[] { PersonId, ModelId, OrgId }.OfType<string>()];

    /// <summary>The keyword's folded words, computed once.</summary>
    public string[] KeywordWords { get; } = Keyword is null ? [] : [.. Text.MatchText.Tokenize(Keyword).Select(t => t.Folded)];

    /// <summary>"talent org:Meta" — what the alert's footer says about why it was sent.</summary>
    public string Describe(Func<string, string> entityName)
    {
        ArgumentNullException.ThrowIfNull(entityName);
        var parts = new List<string> { TopicText.Name(Topic) };
        if (OrgId is not null)
        {
            parts.Add("org:" + entityName(OrgId));
        }

        if (PersonId is not null)
        {
            parts.Add("person:" + entityName(PersonId));
        }

        if (ModelId is not null)
        {
            parts.Add("model:" + entityName(ModelId));
        }

        if (Keyword is not null)
        {
            parts.Add($"keyword:\"{Keyword}\"");
        }

        if (SourceLanguage is not null)
        {
            parts.Add("lang:" + SourceLanguage);
        }

        return string.Join(' ', parts);
    }
}
