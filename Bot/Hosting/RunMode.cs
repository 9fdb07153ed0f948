namespace Radar.Bot.Hosting;

/// <summary>What the command line asks for, and the arguments left for configuration.</summary>
public sealed record RunMode(bool Once, string? Bench, string[] ConfigurationArguments, bool Extract = false, bool Import = false)
{
    public static RunMode Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["extract", ..])
        {
            return new RunMode(false, null, args[1..], Extract: true);
        }

        if (args is ["import", ..])
        {
            return new RunMode(false, null, args[1..], Import: true);
        }

        if (args is ["bench", var what, ..])
        {
            return new RunMode(false, what, args[2..]);
        }

        var once = args.Contains("--once", StringComparer.Ordinal);
        return new RunMode(once, null, [.. args.Where(a => a != "--once")]);
    }
}
