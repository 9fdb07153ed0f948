namespace Radar.Tests.Support;

/// <summary>
/// Tests that run several bot processes and time what arrives where (rate limits, failover) run in
/// this collection: alone, after the others, so that the rest of the suite does not starve them of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Alone";
}
