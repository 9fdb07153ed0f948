namespace Radar.Feeds.Knowledge;

/// <summary>When a spelling of an entity counts as a mention in running text.</summary>
public enum MatchRule
{
    /// <summary>Whatever the case: "openai", "OpenAI".</summary>
    Any,

    /// <summary>Only written with capitals ("Gopher", "Jack Rae"), or in an all-capitals title.</summary>
    Cased,

    /// <summary>Never in running text, because the name is also a common word ("Transformer"): only looked up by name.</summary>
    Never,
}
