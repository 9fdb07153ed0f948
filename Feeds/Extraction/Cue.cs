namespace Radar.Feeds.Extraction;

/// <summary>A cue word or phrase found at tokens [Start, End).</summary>
internal sealed record Cue(CueKind Kind, int Start, int End, string Surface);
