namespace Radar.Storage.Entities;

/// <summary>How much of a story a channel's alerts show (<c>/style</c>).</summary>
public enum AlertStyle
{
    /// <summary>Headline, the report's title, the summary, people, organisations, models, sources, why it matched.</summary>
    Full = 0,

    /// <summary>The structured headline, one line of summary and one link.</summary>
    Compact = 1,

    /// <summary>The structured headline and its link.</summary>
    Headline = 2,
}
