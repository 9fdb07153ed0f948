namespace Radar.Bot.Ingest;

/// <summary>What one poll did, for logs and tests.</summary>
public sealed record PollSummary(int Feeds, int Failed, int NewEntries, int Alerts);
