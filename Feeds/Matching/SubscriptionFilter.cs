using Radar.Feeds.Extraction;

namespace Radar.Feeds.Matching;

/// <summary>
/// One subscription as the matcher sees it: a topic (null for "all": any topic Radar alerts on)
/// and optional filters that must all hold: entity ids, a keyword phrase, a source language, a
/// pattern; and exclusions, none of which may hold: words and phrases, a pattern.
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
    public string[] KeywordWords { get; } = Keyword is null ? [] : Words(Keyword);

    /// <summary>Words and phrases a story must not contain (title or summary), as written.</summary>
    public IReadOnlyList<string> Exclude
    {
        get;
        init
        {
            field = value;
            ExcludeWords = [.. value.Select(Words).Where(w => w.Length > 0)];
        }
    } = [];

    /// <summary>The excluded phrases' folded words.</summary>
    public IReadOnlyList<string[]> ExcludeWords { get; private init; } = [];

    /// <summary>A pattern the story's title or summary must match.</summary>
    public TextPattern? Pattern { get; init; }

    /// <summary>A pattern the story's title or summary must not match.</summary>
    public TextPattern? ExcludePattern { get; init; }

    /// <summary>The Discord role the alert mentions (the subscription opted into it); null pings nobody.</summary>
    public string? PingRole { get; init; }

    /// <summary>Alerts arrive without a notification sound (Telegram's <c>disable_notification</c>).</summary>
    public bool Silent { get; init; }

    /// <summary>Waits for a story to be confirmed (<c>confirmed:only</c>): reported and denied stories never alert here.</summary>
    public bool ConfirmedOnly { get; init; }

    /// <summary>Moves inferred from papers: on or off as asked (<c>papers:on|off</c>), else on only with a person or organisation filter.</summary>
    public bool? Papers { get; init; }

    /// <summary>Whether moves inferred from papers alert here.</summary>
    public bool WantsPapers => Papers ?? (PersonId is not null || OrgId is not null);

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

        if (Pattern is not null)
        {
            parts.Add($"pattern:\"{Pattern.Source}\"");
        }

        parts.AddRange(Exclude.Select(e => e.Contains(' ', StringComparison.Ordinal) ? $"exclude:\"{e}\"" : "exclude:" + e));
        if (ExcludePattern is not null)
        {
            parts.Add($"exclude-pattern:\"{ExcludePattern.Source}\"");
        }

        if (ConfirmedOnly)
        {
            parts.Add("confirmed:only");
        }

        if (Papers is { } papers)
        {
            parts.Add(papers ? "papers:on" : "papers:off");
        }

        return string.Join(' ', parts);
    }

    /// <summary>Why the story matched, for the alert: the description, and what a pattern found in the story ("open-weights").</summary>
    public string Why(StoryFacts story, Func<string, string> entityName)
    {
        ArgumentNullException.ThrowIfNull(story);
        var description = Describe(entityName);
        return Pattern?.FirstMatch(story.FoldedText) is { } found ? $"{description} (found \"{found.Trim()}\")" : description;
    }

    private static string[] Words(string phrase) => [.. Text.MatchText.Tokenize(phrase).Select(t => t.Folded)];
}
