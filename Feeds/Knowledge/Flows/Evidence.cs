namespace Radar.Feeds.Knowledge.Flows;

/// <summary>How a step of someone's path is known: a verified fact, a news report, or inferred from author lists.</summary>
public enum Evidence
{
    Fact,
    News,
    Inferred,
}
