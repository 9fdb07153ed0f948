using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Chat;
using Radar.Bot.Commands;
using Radar.Bot.Hosting;
using Radar.Tests.Support;

namespace Radar.Tests.Bot.Chat;

/// <summary>In servers and groups only channel managers change a channel; anyone may look things up.</summary>
public sealed class PermissionTests
{
    [Theory]
    [InlineData("subscribe", true)]
    [InlineData("unsubscribe", true)]
    [InlineData("language", true)]
    [InlineData("timezone", true)]
    [InlineData("help", false)]
    public async Task OnlyManagersChangeTheChannel(string command, bool refused)
    {
        using var bot = new BotHarness();
        using var output = new StringWriter();
        await using var app = bot.Build(RunMode.Parse(["--once"]), output);
        var dispatcher = app.Services.GetRequiredService<CommandDispatcher>();
        var request = new CommandRequest("telegram", "-100123", "42", CanManageChannel: false, command, ["talent"], new Dictionary<string, string>());

        var reply = await dispatcher.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(refused, reply.IsError && reply.Lines.Contains(ChannelContext.ManageOnly));
    }
}
