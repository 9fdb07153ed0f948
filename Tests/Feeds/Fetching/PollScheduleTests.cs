using Radar.Feeds.Fetching;

namespace Radar.Tests.Feeds.Fetching;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Floor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(15);

    private static IEnumerable<DateTimeOffset> Every(TimeSpan gap, int count, TimeSpan? lastAgo = null) =>
        Enumerable.Range(0, count).Select(i => Now - (lastAgo ?? TimeSpan.Zero) - (gap * i));

    [Fact]
    public void AFeedThatPublishesEveryTenMinutesIsPolledAtTheFloor()
    {
        Assert.Equal(Floor, PollSchedule.Adaptive(Every(TimeSpan.FromMinutes(5), 10), Now, Floor, Ceiling));
        Assert.Equal(TimeSpan.FromMinutes(7.5), PollSchedule.Adaptive(Every(TimeSpan.FromMinutes(30), 10), Now, Floor, Ceiling));
    }

    [Fact]
    public void AQuietFeedIsPolledAtTheCeiling()
    {
        Assert.Equal(Ceiling, PollSchedule.Adaptive(Every(TimeSpan.FromHours(6), 10), Now, Floor, Ceiling));
        Assert.Equal(Ceiling, PollSchedule.Adaptive([Now.AddDays(-1)], Now, Floor, Ceiling));
        Assert.Equal(Ceiling, PollSchedule.Adaptive([], Now, Floor, Ceiling));
    }

    [Fact]
    public void AFeedSilentForLongerThanItsRhythmSlowsDown()
    {
        var busyThenSilent = Every(TimeSpan.FromMinutes(5), 10, lastAgo: TimeSpan.FromMinutes(40));

        Assert.Equal(TimeSpan.FromMinutes(10), PollSchedule.Adaptive(busyThenSilent, Now, Floor, Ceiling));
    }

    [Fact]
    public void TheMedianGapIgnoresOneLongNight()
    {
        var morning = Every(TimeSpan.FromMinutes(8), 6).Concat(Every(TimeSpan.FromMinutes(8), 4, lastAgo: TimeSpan.FromHours(12)));

        Assert.Equal(Floor, PollSchedule.Adaptive(morning, Now, Floor, Ceiling));
    }

    [Fact]
    public void UndatedEntriesAllStampedNowDoNotMakeAFeedLookBusy()
    {
        Assert.Equal(Ceiling, PollSchedule.Adaptive(Enumerable.Repeat(Now, 20), Now, Floor, Ceiling));
    }

    [Fact]
    public void NothingNewGrowsTheIntervalUpToTheCeiling()
    {
        Assert.Equal(TimeSpan.FromMinutes(2.5), PollSchedule.AfterUnchanged(Floor, Floor, Ceiling));
        Assert.Equal(Ceiling, PollSchedule.AfterUnchanged(TimeSpan.FromMinutes(14), Floor, Ceiling));
        Assert.Equal(Ceiling, PollSchedule.AfterUnchanged(null, Floor, Ceiling));
    }

    [Fact]
    public void AFloorAboveTheCeilingGivesTheCeiling()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), PollSchedule.Adaptive(Every(TimeSpan.FromSeconds(1), 10), Now, Floor, TimeSpan.FromSeconds(10)));
    }
}
