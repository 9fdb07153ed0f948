using System.Collections.Concurrent;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// What the delivery benches' fake platforms share: a Kestrel on 127.0.0.1, the round trip each
/// answer waits, and the counts the benches print (accepted, refused, busiest second overall and per chat).
/// </summary>
public abstract class BenchServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<DateTime> _acceptedAt = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTime>> _acceptedByChat = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _accepted;
    private int _refused;

    protected BenchServer(TimeSpan latency) => Latency = latency;

    public TimeSpan Latency { get; }

    public string Url { get; private set; } = string.Empty;

    public int Accepted => _accepted;

    /// <summary>Requests answered 429 (each one a request sent into an empty bucket or over a limit).</summary>
    public int Refused => _refused;

    /// <summary>Most requests accepted within any one second.</summary>
    public int BusiestSecond => Busiest(_acceptedAt);

    /// <summary>Most requests accepted for one chat within any one second.</summary>
    public int BusiestChatSecond => _acceptedByChat.Values.Select(Busiest).DefaultIfEmpty(0).Max();

    protected async Task StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        map(_app);
        await _app.StartAsync().ConfigureAwait(false);
        Url = _app.Urls.First();
    }

    /// <summary>Counts a request judged on arrival (at <paramref name="arrived"/>), then waits out the round trip.</summary>
    protected async Task RoundTripAsync(string chat, DateTime arrived, bool refused)
    {
        if (refused)
        {
            Interlocked.Increment(ref _refused);
        }
        else
        {
            Interlocked.Increment(ref _accepted);
            _acceptedAt.Enqueue(arrived);
            _acceptedByChat.GetOrAdd(chat, _ => new()).Enqueue(arrived);
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency).ConfigureAwait(false);
        }
    }

    private static int Busiest(IEnumerable<DateTime> times)
    {
        var list = times.Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; start < list.Count; start++)
        {
            while (end < list.Count && list[end] - list[start] < TimeSpan.FromSeconds(1))
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
