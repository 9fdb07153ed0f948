using System.Globalization;

namespace Radar.Feeds.Matching;

/// <summary>
/// When a matched story is due for a channel: now; at the end of the subscription's quiet hours; or
/// at the next digest time — local times in the channel's time zone, daylight saving included.
/// </summary>
public static class DeliverySchedule
{
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"22:00-07:00" → (22:00, 07:00).</summary>
    public static bool TryParseQuietHours(string? text, out TimeOnly start, out TimeOnly end)
    {
        start = end = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        return parts is { Length: 2 } && TryParseTime(parts[0], out start) && TryParseTime(parts[1], out end) && start != end;
    }

    public static TimeZoneInfo? FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static (DateTimeOffset DueAt, bool Digest) When(SubscriptionFilter subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var zone = FindTimeZone(subscription.TimeZone) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (TryParseTime(subscription.DigestTime, out var digest))
        {
            return (NextOccurrence(local, digest, zone), true);
        }

        if (TryParseQuietHours(subscription.QuietHours, out var start, out var end))
        {
            var time = TimeOnly.FromDateTime(local.DateTime);
            var quiet = start < end ? time >= start && time < end : time >= start || time < end;
            if (quiet)
            {
                return (NextOccurrence(local, end, zone), false);
            }
        }

        return (now, false);
    }

    private static DateTimeOffset NextOccurrence(DateTimeOffset local, TimeOnly time, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= time)
        {
            date = date.AddDays(1);
        }

        var wall = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(30); // a local time skipped by daylight saving: the first one after it
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
    }
}
