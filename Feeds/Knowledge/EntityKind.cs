namespace Radar.Feeds.Knowledge;

public enum EntityKind
{
    Person,
    Org,
    Model,
}
