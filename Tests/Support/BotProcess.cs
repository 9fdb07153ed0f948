using System.Diagnostics;
using System.Text;

namespace Radar.Tests.Support;

/// <summary>The built bot as a real process (<c>dotnet Radar.Bot.dll</c>), for exit codes, signals and locks.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private BotProcess(Process process) => _process = process;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    public static BotProcess Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts the bot with extra environment variables.</summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Radar.Bot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => { lock (bot._output) { bot._output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (bot._error) { bot._error.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public async Task WaitForErrorTextAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited, $"the bot exited early: {Error}");
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' did not appear: {Error}");
            await Task.Delay(100);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process dies at once, in the middle of whatever it was doing.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
