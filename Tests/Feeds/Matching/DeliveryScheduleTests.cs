using Radar.Feeds.Extraction;
using Radar.Feeds.Matching;

namespace Radar.Tests.Feeds.Matching;

public sealed class DeliveryScheduleTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 28, 21, 30, 0, TimeSpan.Zero); // 22:30 in Paris

    [Fact]
    public void InstantAlertsAreDueNow() =>
        Assert.Equal((Evening, false), DeliverySchedule.When(new SubscriptionFilter(1, 1, Topic.Talent), Evening));

    [Fact]
    public void ADigestIsDueAtTheNextLocalDigestTime()
    {
        var (due, digest) = DeliverySchedule.When(new SubscriptionFilter(1, 1, Topic.Talent) { DigestTime = "08:00", TimeZone = "Europe/Paris" }, Evening);

        Assert.True(digest);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero), due); // 08:00 in Paris, UTC+1 in winter
    }

    [Fact]
    public void QuietHoursAcrossMidnightHoldAlertsUntilTheyEnd()
    {
        var subscription = new SubscriptionFilter(1, 1, Topic.Talent) { QuietHours = "22:00-07:00", TimeZone = "Europe/Paris" };

        Assert.Equal((new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), false), DeliverySchedule.When(subscription, Evening));
        var noon = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal((noon, false), DeliverySchedule.When(subscription, noon));
    }

    [Fact]
    public void ADigestTimeSkippedByDaylightSavingComesRightAfter()
    {
        var beforeSpringForward = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var (due, _) = DeliverySchedule.When(new SubscriptionFilter(1, 1, null) { DigestTime = "02:30", TimeZone = "Europe/Paris" }, beforeSpringForward);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), due); // 03:00 CEST, the first valid time after 02:30
    }

    [Theory]
    [InlineData("08:00", true)]
    [InlineData("8:05", true)]
    [InlineData("25:00", false)]
    [InlineData("noon", false)]
    public void ParsesDigestTimes(string text, bool valid) => Assert.Equal(valid, DeliverySchedule.TryParseTime(text, out _));
}
