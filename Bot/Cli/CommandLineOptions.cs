namespace Radar.Bot.Cli;

/// <summary>The <c>--name value</c> options of the one-shot commands (extract, import).</summary>
public static class CommandLineOptions
{
    /// <summary>The value after <paramref name="name"/>, or null when the option or its value is missing.</summary>
    public static string? Value(string[] arguments, string name)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var index = Array.IndexOf(arguments, name);
        return index >= 0 && index + 1 < arguments.Length ? arguments[index + 1] : null;
    }
}
