namespace Radar.Feeds.Knowledge.Flows;

/// <summary>Where an author of a model is now, relative to the model's maker.</summary>
public enum TeamPlace
{
    /// <summary>Later evidence places them at the maker still.</summary>
    StillAtMaker,

    /// <summary>Later evidence places them at another organisation.</summary>
    Elsewhere,

    /// <summary>Nothing is known after the model's own paper.</summary>
    Unknown,
}
