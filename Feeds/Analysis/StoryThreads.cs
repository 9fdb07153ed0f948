using Radar.Feeds.Extraction;
using Radar.Feeds.Text;

namespace Radar.Feeds.Analysis;

/// <summary>
/// Whether a new story follows an earlier one, as a pure rule: a model's launch follows the story
/// of its delay; a move follows the report of talks (or any report) of that same move; a return
/// (joining an organisation) follows the person's departure from it. Anything else — the same
/// person's next move elsewhere, a second launch — is a story of its own. Only stories within
/// <see cref="Window"/> of each other are linked.
/// </summary>
public static class StoryThreads
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    /// <summary>The kind of link, or null when <paramref name="later"/> does not follow <paramref name="earlier"/>.</summary>
    public static string? Follows(Extraction.Extraction later, Extraction.Extraction earlier, ClaimTier earlierTier)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        foreach (var next in later.Events)
        {
            foreach (var before in earlier.Events)
            {
                if (next.Type == EventKind.ModelLaunch && before.Type == EventKind.ModelDelay && Same(next.Model, before.Model))
                {
                    return "launch after a delay";
                }

                if (next.Person is null || !Same(next.Person, before.Person))
                {
                    continue;
                }

                if (earlierTier == ClaimTier.Reported && next.To is not null && Same(next.To, before.To) && !IsModelEvent(next))
                {
                    return "move after a report";
                }

                if (Same(next.To, before.From))
                {
                    return "return after a departure";
                }
            }
        }

        return null;
    }

    private static bool IsModelEvent(ExtractedEvent e) => e.Type is EventKind.ModelLaunch or EventKind.ModelDelay;

    private static bool Same(string? a, string? b) => a is not null && b is not null && MatchText.Normalize(a) == MatchText.Normalize(b);
}
