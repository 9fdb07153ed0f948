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

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) => Start(workingDirectory, environment, arguments, interruptible: false);

    /// <summary>
    /// Starts the bot with extra environment variables. With <paramref name="interruptible"/>, it
    /// starts through coreutils' <c>env --default-signal=INT</c>: a suite started from a background
    /// job has SIGINT ignored, and an ignored signal stays ignored in every child, so Ctrl+C would
    /// never arrive.
    /// </summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, bool interruptible)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(interruptible ? "env" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Radar__Papers__Feeds__0"] = string.Empty; // no test reaches arXiv: a test that wants papers names its own listing
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (interruptible)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
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

    /// <summary>The files the process has mapped (/proc/pid/maps): the assemblies and native libraries it loaded.</summary>
    public string MappedFiles() => File.ReadAllText($"/proc/{_process.Id}/maps");

    /// <summary>SIGKILL: the process dies at once, in the middle of whatever it was doing.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (start the bot <c>interruptible</c>).</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Sends SIGTERM, as systemd and docker stop a service: it arrives wherever the suite was started.</summary>
    public void Terminate() => Signal("-TERM");

    /// <summary>Whether the process ignores SIGINT (bit 2 of <c>SigIgn</c> in /proc/pid/status).</summary>
    public bool IgnoresInterrupt()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
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
