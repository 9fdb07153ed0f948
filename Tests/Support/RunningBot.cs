using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Waits until the scheduled first poll (which runs at start) has recorded its outcome, so that a
    /// test's own poll is the one that ingests what the test serves next.
    /// </summary>
    public static Task WaitForFirstPollAsync(IServiceProvider services) => Wait.UntilAsync(() =>
    {
        using var scope = services.CreateScope();
        using var db = scope.ServiceProvider.OpenDatabase();
        return db.Feeds.Any(f => f.LastPolledAt != null);
    });

    public Task WaitForFirstPollAsync() => WaitForFirstPollAsync(App.Services);

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await App.DisposeAsync();
        Stop.Dispose();
        Output.Dispose();
    }
}
