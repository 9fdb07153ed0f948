using System.Globalization;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench discord [--alerts N] [--chats N] [--latency MS]</c>: the real dispatcher and our Discord
/// REST client deliver alerts to many channels through a local fake Discord API with Discord's
/// per-channel buckets (5 messages per 5 s, told in the rate-limit headers) and 50 requests/s global
/// limit, each answer after the given round trip. It counts requests sent into an empty bucket.
/// </summary>
public static class DiscordBenchmark
{
    public static async Task RunAsync(TextWriter output, int alerts = 3_000, int chats = 300, int latencyMs = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var fake = await FakeDiscordApi.StartAsync(TimeSpan.FromMilliseconds(latencyMs)).ConfigureAwait(false);
        var elapsed = await DeliveryBenchmark.RunAsync(
            "discord",
            ["--Radar:Discord:Token=bench-token", $"--Radar:Discord:ApiBaseUrl={fake.Url}/api/v10"],
            i => (900_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
            alerts,
            chats).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discord: {fake.Accepted:N0} of {alerts:N0} messages to {chats:N0} channels with a {latencyMs} ms round trip in {elapsed.TotalSeconds:N1} s: {fake.Accepted / elapsed.TotalSeconds:N1} requests/s, most in one second overall {fake.BusiestSecond}, most to one channel in one second {fake.BusiestChatSecond}, {fake.IntoEmptyBucket} requests into an empty bucket, {fake.Refused} answers 429"));
    }
}
