using System.Diagnostics;
using System.Globalization;

namespace Radar.Bot.Benchmarks;

/// <summary>The real bot as a child process of a bench, on a temp folder's SQLite file with the defaults, and its memory and CPU as /proc tells them.</summary>
internal static class ChildBot
{
    /// <summary>Starts the bot (this same binary) in <paramref name="folder"/> with loopback feeds allowed, no HTTP port of its own and <paramref name="arguments"/>.</summary>
    public static Process Start(string folder, IEnumerable<string> arguments) => Start(folder, arguments, out _);

    /// <summary>As <see cref="Start(string, IEnumerable{string})"/>, with what the bot prints on standard output (complete once it exited).</summary>
    public static Process Start(string folder, IEnumerable<string> arguments, out Task<string> output) =>
        StartSelf(folder, new[] { "--Radar:Feeds:AllowPrivateAddresses=true", "--Radar:Http:Port=0", $"--Radar:Storage:ConnectionString=Data Source={Path.Combine(folder, "radar.db")}" }.Concat(arguments), out output);

    /// <summary>This same binary in <paramref name="folder"/> with exactly <paramref name="arguments"/>, and what it prints on standard output (complete once it exited).</summary>
    public static Process StartSelf(string folder, IEnumerable<string> arguments, out Task<string> output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Radar.Bot.dll")); // run as "dotnet Radar.Bot.dll"; a published single file is its own host
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    public static long ResidentBytes(int pid) => StatusField(pid, "VmRSS:");

    public static long HighWaterBytes(int pid) => StatusField(pid, "VmHWM:");

    public static long StatusField(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process has gone
        }
    }

    /// <summary>User and system CPU time of the process (fields 14 and 15 of /proc/pid/stat, in clock ticks of 1/100 s).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100d);
    }
}
