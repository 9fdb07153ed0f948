using Microsoft.AspNetCore.Builder;
using Radar.Bot.Hosting;

namespace Radar.Tests.Support;

/// <summary>A bot built by a <see cref="BotHarness"/> and running as a service (not --once), until disposed.</summary>
public sealed record RunningBot(WebApplication App, Task<int> Task, CancellationTokenSource Stop, StringWriter Output) : IAsyncDisposable
{
    /// <summary>Starts the bot and waits until it is fully started, web server included.</summary>
    public static async Task<RunningBot> StartAsync(BotHarness bot, string input = "")
    {
        ArgumentNullException.ThrowIfNull(bot);
        var mode = RunMode.Parse([]);
        var output = new StringWriter();
        var app = bot.Build(mode, output, input);
        var stop = new CancellationTokenSource();
        var task = RadarHost.RunAsync(app, mode, stop.Token);
        await Wait.UntilAsync(() => app.Lifetime.ApplicationStarted.IsCancellationRequested || task.IsCompleted);
        return new RunningBot(app, task, stop, output);
    }

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await App.DisposeAsync();
        Stop.Dispose();
        Output.Dispose();
    }
}
