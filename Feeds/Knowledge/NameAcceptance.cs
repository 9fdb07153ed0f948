namespace Radar.Feeds.Knowledge;

/// <summary>Which names a <see cref="KnowledgeBase.Lookup"/> takes besides an exact spelling.</summary>
public enum NameAcceptance
{
    /// <summary>Only a spelling Radar knows, in any script ("Guillaume Lample", "غيوم لامبل").</summary>
    Exact,

    /// <summary>Also a name whose words are all whole words of one entity's spelling ("Lample"), never a typo: what a filter stores must be what the user meant.</summary>
    WholeWords,

    /// <summary>Also the only candidate, typos included ("Guillame Lample"): fine for a lookup whose answer shows the name it chose.</summary>
    OnlyCandidate,
}
