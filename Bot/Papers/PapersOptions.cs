using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.Papers;

/// <summary>The <c>Radar:Papers</c> section: the arXiv listings that announce new papers, and OpenAlex for their authors' affiliations.</summary>
public sealed class PapersOptions
{
    public const string Section = "Radar:Papers";

    /// <summary>The default listing: new papers in AI, computation and language, machine learning.</summary>
    public const string DefaultListing = "https://rss.arxiv.org/rss/cs.AI+cs.CL+cs.LG";

    /// <summary>The arXiv listing feeds to read (appsettings.json lists <see cref="DefaultListing"/>); none, or only blank ones, turns papers off.</summary>
    public IList<string> Feeds { get; } = [];

    /// <summary>The OpenAlex API the affiliations come from.</summary>
    public string OpenAlexUrl { get; set; } = "https://api.openalex.org";

    /// <summary>The free OpenAlex API key, sent as <c>api_key</c>; environment or user secrets only, never logged.</summary>
    public string? OpenAlexKey { get; set; }

    /// <summary>How often each listing is read (arXiv announces once a day).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "must be between 00:00:10 and 7.00:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The least time between two requests to arXiv: its rule is one request every 3 seconds, on one connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between 00:00:00 and 00:10:00.")]
    public TimeSpan ArxivDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The least time between two requests to OpenAlex (its polite pool allows 10 a second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between 00:00:00 and 00:10:00.")]
    public TimeSpan OpenAlexDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most papers looked up in one round; the rest wait for the next.</summary>
    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100000.")]
    public int MaxLookupsPerRound { get; set; } = 2_000;

    /// <summary>The listings to read: the configured ones that are not blank.</summary>
    public IReadOnlyList<string> Listings() => [.. Feeds.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal)];
}
