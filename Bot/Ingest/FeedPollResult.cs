namespace Radar.Bot.Ingest;

/// <summary>What polling one feed did.</summary>
internal sealed record FeedPollResult(bool Failed, int NewEntries, int Alerts);
