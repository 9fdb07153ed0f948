namespace Radar.Bot.Chat;

/// <summary>
/// Parses a typed command: <c>/name@bot word key:value key:"two words"</c>. Used by the console and
/// by text-command platforms; slash-command platforms give typed options directly.
/// </summary>
public static class CommandText
{
    public const int MaxLength = 200;

    /// <summary>Returns the request, or an error message fit for the user.</summary>
    public static (CommandRequest? Request, string? Error) Parse(string text, string platform, string channel, string user, bool canManage)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length > MaxLength)
        {
            return (null, $"Commands are at most {MaxLength} characters long.");
        }

        if (text.Length < 2 || text[0] != '/')
        {
            return (null, "Commands start with '/'. Try /help.");
        }

        var words = Split(text[1..]);
        if (words is null)
        {
            return (null, "A quoted value is not closed.");
        }

        var name = words[0];
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            name = name[..at];
        }

        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words.Skip(1))
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && word[..colon].All(char.IsAsciiLetter) && !word.Contains("://", StringComparison.Ordinal))
            {
                if (!options.TryAdd(word[..colon], word[(colon + 1)..]))
                {
                    return (null, $"{word[..colon]}: is given twice; give each option once.");
                }
            }
            else
            {
                arguments.Add(word);
            }
        }

        return (new CommandRequest(platform, channel, user, canManage, name.ToLowerInvariant(), arguments, options), null);
    }

    private static List<string>? Split(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words.Count == 0 ? [string.Empty] : words;
    }
}
