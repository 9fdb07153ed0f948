using Microsoft.Extensions.Options;
using Radar.Bot.Delivery;

namespace Radar.Tests.Bot.Delivery;

public sealed class PlatformRateLimiterTests
{
    [Fact]
    public async Task AChannelOverItsLimitWaitsWhileOtherChannelsGoOn()
    {
        var options = new DeliveryOptions();
        options.RateLimits["telegram"] = new PlatformRateLimit { PerChannelPerMinute = 1 };
        using var limiter = new PlatformRateLimiter(Options.Create(options));
        using var stop = new CancellationTokenSource();

        await limiter.WaitAsync("telegram", 1, CancellationToken.None);
        var sameChannel = limiter.WaitAsync("telegram", 1, stop.Token);
        var otherChannel = limiter.WaitAsync("telegram", 2, CancellationToken.None);
        var otherPlatform = limiter.WaitAsync("console", 1, CancellationToken.None);

        Assert.False(sameChannel.IsCompleted); // queued until the next minute's token
        Assert.True(otherChannel.IsCompleted);
        Assert.True(otherPlatform.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await sameChannel);
    }

    [Fact]
    public void AChatsNextTurnIsSpacedFromWhenItsLastMessageWentNotFromWhenItsTurnCame()
    {
        var options = new DeliveryOptions();
        options.RateLimits["telegram"] = new PlatformRateLimit { PerChannelPerSecond = 1 };
        using var limiter = new PlatformRateLimiter(Options.Create(options));

        Assert.True(limiter.TryTakeChannel("telegram", 7));
        Assert.False(limiter.TryTakeChannel("telegram", 7)); // its message is on its way (waiting for the overall pace, say)
        Assert.True(limiter.TryTakeChannel("telegram", 8));
        limiter.Finished("telegram", 7);
        Assert.False(limiter.TryTakeChannel("telegram", 7)); // a full second from now, not from when the turn was taken
        Assert.True(limiter.TryTakeChannel("console", 7));
    }
}
