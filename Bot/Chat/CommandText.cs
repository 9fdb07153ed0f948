namespace Radar.Bot.Chat;

/// <summary>
/// Parses a typed command: <c>/name@bot word key:value key:"two words"</c>. Used by the console and
/// by text-command platforms; slash-command platforms give typed options directly. An option is
/// given once, except the repeatable ones (<c>exclude:</c>), whose values are kept one per line.
/// </summary>
public static class CommandText
{
    /// <summary>Room for the longest option, a 200-character pattern, and the rest of a command.</summary>
    public const int MaxLength = 500;

    private static readonly HashSet<string> Repeatable = new(["exclude"], StringComparer.OrdinalIgnoreCase);

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
            if (colon > 0 && IsOptionName(word[..colon]) && !word.Contains("://", StringComparison.Ordinal))
            {
                var (key, value) = (word[..colon], word[(colon + 1)..]);
                if (Repeatable.Contains(key) && options.TryGetValue(key, out var earlier))
                {
                    options[key] = earlier + "\n" + value;
                }
                else if (!options.TryAdd(key, value))
                {
                    return (null, $"{key}: is given twice; give each option once.");
                }
            }
            else
            {
                arguments.Add(word);
            }
        }

        return (new CommandRequest(platform, channel, user, canManage, name.ToLowerInvariant(), arguments, options), null);
    }

    /// <summary>"org", "exclude-pattern": ASCII letters, with inner hyphens.</summary>
    private static bool IsOptionName(string name) =>
        char.IsAsciiLetter(name[0]) && char.IsAsciiLetter(name[^1]) && name.All(c => char.IsAsciiLetter(c) || c == '-');

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
