namespace Radar.Feeds.Text;

/// <summary>A word of a text: as written, folded for matching, and where it stands.</summary>
public sealed record Token(string Surface, string Folded, int Start, int End)
{
    public bool IsCapitalized => Surface.Length > 0 && char.IsUpper(Surface[0]);
}
