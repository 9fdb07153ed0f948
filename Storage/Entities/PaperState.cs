namespace Radar.Storage.Entities;

/// <summary>Where a listed paper stands: waiting for OpenAlex, read, or given up (never indexed within a week).</summary>
public enum PaperState
{
    Pending,
    Done,
    GaveUp,
}
