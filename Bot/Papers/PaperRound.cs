namespace Radar.Bot.Papers;

/// <summary>What one round of the paper trail did: papers newly listed, looked up (and read), inferred moves' alerts queued, and papers still waiting.</summary>
public sealed record PaperRound(int Listed, int LookedUp, int Read, int Alerts, int Waiting);
