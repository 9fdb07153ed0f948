using Radar.Bot.Cli;
using Radar.Bot.Hosting;

// Radar: AI talent moves and model launches, from news feeds to chat. See README.md.
var mode = RunMode.Parse(args);
if (mode.Extract)
{
    return await ExtractCommand.RunAsync(mode.ConfigurationArguments, Console.In, Console.Out, Console.Error);
}

if (mode.Import)
{
    return await ImportCommand.RunAsync(mode.ConfigurationArguments, Console.Out, Console.Error);
}

if (mode.Bench is not null)
{
    return await BenchCommand.RunAsync(mode.Bench, mode.ConfigurationArguments, Console.Out);
}

try
{
    if (RuntimeCheck.Problem() is { } problem)
    {
        throw new StartupException(problem, ExitCodes.RuntimeIncomplete);
    }

    var app = RadarHost.Build(mode);
    return await RadarHost.RunAsync(app, mode);
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync("radar: " + e.Message);
    return e.ExitCode;
}

/// <summary>The entry point, visible to the tests.</summary>
public partial class Program;
