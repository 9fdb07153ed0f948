using System.Globalization;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench telegram [--alerts N] [--chats N] [--latency MS]</c>: the real dispatcher, rate limiter and
/// Telegram.Bot client deliver alerts to many chats (every fifth a group) through a local fake Bot API
/// that answers 429 exactly when Telegram would, and answers each request after the given round trip.
/// </summary>
public static class TelegramBenchmark
{
    public static async Task RunAsync(TextWriter output, int alerts = 3_000, int chats = 300, int latencyMs = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var fake = await FakeBotApi.StartAsync(TimeSpan.FromMilliseconds(latencyMs)).ConfigureAwait(false);
        var elapsed = await DeliveryBenchmark.RunAsync(
            "telegram",
            ["--Radar:Telegram:Token=123456:BENCH", $"--Radar:Telegram:ApiBaseUrl={fake.Url}"],
            i => (i % 5 == 0 ? -1_000_000 - i : 10_000 + i).ToString(CultureInfo.InvariantCulture),
            alerts,
            chats).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telegram: {fake.Accepted:N0} of {alerts:N0} alerts to {chats:N0} chats with a {latencyMs} ms round trip in {elapsed.TotalSeconds:N1} s: {fake.Accepted / elapsed.TotalSeconds:N1} messages/s, worst per-chat rate {fake.BusiestChatSecond} in one second, most in one second overall {fake.BusiestSecond}, {fake.Refused} answers 429"));
    }
}
