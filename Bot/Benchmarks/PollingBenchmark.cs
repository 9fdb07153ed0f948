using System.Globalization;
using Radar.Feeds.Fetching;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench polling [--feeds N] [--seed N]</c>: a simulated day on a fake clock. Feeds publish on a
/// schedule (10% wires publishing every few minutes by day, 30% news sites a few times a day, 60%
/// blogs now and then; fewer at night), each poll sees what was published since the last one (a
/// 304 when nothing was), and the schedule decides the next poll: one fixed interval, or
/// <see cref="PollSchedule"/>'s adaptive interval. Prints the publish-to-seen delay (median and 95th
/// percentile) and the number of requests for each.
/// </summary>
public static class PollingBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static void Run(TextWriter output, int feeds = 200, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(seed);
        var schedules = Enumerable.Range(0, feeds).Select(i => Publishing(random, (double)i / feeds)).ToList();
        var published = schedules.Sum(s => s.Count(t => t >= Start));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"polling: a simulated day, {feeds} feeds, {published:N0} entries published (seed {seed})"));
        foreach (var minutes in new[] { 5, 6, 10 })
        {
            Report(output, $"fixed {minutes} min", schedules, random, (_, _, _) => TimeSpan.FromMinutes(minutes));
        }

        foreach (var ceilingMinutes in new[] { 5, 6, 10, 15 })
        {
            var floor = TimeSpan.FromMinutes(2);
            var ceiling = TimeSpan.FromMinutes(ceilingMinutes);
            Report(output, $"adaptive 2-{ceilingMinutes} min", schedules, random, (seen, now, previous) => seen is null
                ? PollSchedule.AfterUnchanged(previous, floor, ceiling)
                : PollSchedule.Adaptive(seen, now, floor, ceiling));
        }
    }

    /// <param name="seen">The feed's entries as the poll saw them when something was new, else null (a 304).</param>
    /// <param name="now">The poll's time.</param>
    /// <param name="previous">The last interval.</param>
    private delegate TimeSpan Policy(IReadOnlyList<DateTimeOffset>? seen, DateTimeOffset now, TimeSpan? previous);

    private static void Report(TextWriter output, string name, List<List<DateTimeOffset>> schedules, Random random, Policy policy)
    {
        var delays = new List<double>();
        var requests = 0;
        foreach (var schedule in schedules)
        {
            var last = Start - TimeSpan.FromMinutes(random.NextDouble() * 15); // the feed's previous poll, somewhere before the day
            TimeSpan? interval = null;
            var now = Start;
            while (now < Start + Day)
            {
                requests++;
                var fresh = schedule.Where(t => t > last && t <= now).ToList();
                delays.AddRange(fresh.Where(t => t >= Start).Select(t => (now - t).TotalMinutes));
                var window = schedule.Where(t => t <= now).TakeLast(20).ToList(); // what the feed document lists
                interval = policy(fresh.Count > 0 ? window : null, now, interval);
                last = now;
                now += interval.Value;
            }
        }

        delays.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-18}: {requests,7:N0} requests, delay median {Percentile(delays, 0.5):N1} min, 95th percentile {Percentile(delays, 0.95):N1} min"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    /// <summary>Publication times over the day before and the simulated day, for one feed of the mix.</summary>
    private static List<DateTimeOffset> Publishing(Random random, double position)
    {
        // entries per hour by day (07:00-22:00) and by night
        var (day, night) = position switch
        {
            < 0.1 => (10.0, 1.0),
            < 0.4 => (0.6, 0.05),
            _ => (0.04, 0.01),
        };
        var times = new List<DateTimeOffset>();
        for (var t = Start - Day; t < Start + Day;)
        {
            var rate = t.Hour is >= 7 and < 22 ? day : night; // a Poisson process, piecewise by hour
            var gap = -Math.Log(1 - random.NextDouble()) / rate;
            var next = t + TimeSpan.FromHours(gap);
            var hourEnd = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            if (next >= hourEnd)
            {
                t = hourEnd; // memoryless: start the next hour afresh at its own rate
                continue;
            }

            times.Add(next);
            t = next;
        }

        return times;
    }
}
