using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Radar.Bot.Chat;
using Radar.Bot.Cluster;
using Radar.Bot.Delivery;
using Radar.Bot.Knowledge;
using Radar.Bot.Observability;
using Radar.Feeds.Analysis;
using Radar.Feeds.Model;
using Radar.Storage;
using Radar.Storage.Entities;
using Radar.Storage.Sql;
using Radar.Storage.Stores;
using Radar.Tests.Support;

namespace Radar.Tests.Bot.Delivery;

/// <summary>The outbox dispatcher on a real SQLite file with a scripted platform.</summary>
public sealed class DeliveryDispatcherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedPlatform _platform = new();
    private TestDatabase _database = null!;
    private readonly List<IDisposable> _disposables = [];

    /// <summary>One configured instance id, so that a dispatcher made again stands for the same process restarted.</summary>
    private readonly InstanceIdentity _instance = new(new ConfigurationBuilder().AddInMemoryCollection([new(InstanceIdentity.Key, "test-instance")]).Build());
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = new ServiceCollection()
            .AddDbContext<RadarDbContext, SqliteRadarDbContext>(o => o.UseSqlite(_database.ConnectionString))
            .AddScoped(p => Radar.Storage.Sql.RadarDatabase.Over(p.GetRequiredService<RadarDbContext>()))
            .AddSingleton(_ => new PlatformRateLimiter(Options.Create(new DeliveryOptions())))
            .AddScoped<DeliveryStore>()
            .AddScoped<StoryStore>()
            .AddScoped<ChannelStore>()
            .AddScoped<LeaseStore>()
            .AddScoped<PlatformStateStore>()
            .AddMetrics()
            .BuildServiceProvider();
        await using var db = _database.Open();
        var now = _time.GetUtcNow().UtcDateTime;
        await new FeedStore(RadarDatabase.Over(db)).SyncAsync([new FeedSource("F", "https://f.test/feed")], now, CancellationToken.None);
        var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(1, new FeedEntry("1", "https://f.test/1", "Story", "", _time.GetUtcNow(), "en"), now, CancellationToken.None);
        var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", now, CancellationToken.None);
        var channel = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync(_platform.Name, "chat-1", "Chat", subscribeToEverything: true, now, CancellationToken.None);
        await new DeliveryStore(RadarDatabase.Over(db)).EnqueueAsync(story.Id, [(channel, "all")], now, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private Task<DeliveryDispatcher> DispatcherAsync() => DispatcherAsync(_services.GetRequiredService<PlatformRateLimiter>(), _time);

    private Task<DeliveryDispatcher> DispatcherAsync(PlatformRateLimiter limiter, TimeProvider time) => DispatcherAsync(limiter, time, new DeliveryOptions());

    /// <summary>
    /// A dispatcher whose instance holds the platform's lease, as the only instance does. The lease
    /// runs on the real clock (no renewal loop runs here), the dispatcher on the test's.
    /// </summary>
    private async Task<DeliveryDispatcher> DispatcherAsync(PlatformRateLimiter limiter, TimeProvider time, DeliveryOptions options)
    {
        var scopes = _services.GetRequiredService<IServiceScopeFactory>();
        var leases = new LeaseManager(scopes, _instance, TimeProvider.System, NullLogger<LeaseManager>.Instance);
        _disposables.Add(leases);
        var dispatcher = new DeliveryDispatcher(scopes, [_platform], ComposerFor(), limiter, Options.Create(options), leases, _instance, new RadarMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), time, NullLogger<DeliveryDispatcher>.Instance);
        await leases.RenewAsync(CancellationToken.None);
        return dispatcher;
    }

    private async Task<DeliveryRecord> RowAsync()
    {
        await using var db = _database.Open();
        return await db.Deliveries.SingleAsync();
    }

    [Fact]
    public async Task ATransientFailureIsRetriedAfterItsBackoffAndThenDelivered()
    {
        _platform.Results.Enqueue(SendResult.Transient("HTTP 503"));
        _platform.Results.Enqueue(SendResult.Sent("m-1"));
        using var dispatcher = await DispatcherAsync();

        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        var retrying = await RowAsync();
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None)); // not due yet
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None)); // never twice

        var sent = await RowAsync();
        Assert.Equal(DeliveryState.Retrying, retrying.State);
        Assert.Equal("HTTP 503", retrying.LastError);
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Equal("m-1", sent.MessageId);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(2, _platform.Sent);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheBackoffIsHonoured()
    {
        _platform.Results.Enqueue(SendResult.Transient("429", TimeSpan.FromMinutes(3)));
        _platform.Results.Enqueue(SendResult.Sent("m-1"));
        using var dispatcher = await DispatcherAsync();

        await dispatcher.DispatchAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await dispatcher.DispatchAsync(CancellationToken.None));
    }

    [Fact]
    public async Task APermanentFailureIsDeadWithItsReasonAndNotRetried()
    {
        _platform.Results.Enqueue(SendResult.Permanent("chat not found"));
        using var dispatcher = await DispatcherAsync();

        await dispatcher.DispatchAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        await dispatcher.DispatchAsync(CancellationToken.None);

        var row = await RowAsync();
        Assert.Equal(DeliveryState.Dead, row.State);
        Assert.Equal("chat not found", row.LastError);
        Assert.Equal(1, _platform.Sent);
        await using var db = _database.Open();
        var channel = await db.Channels.SingleAsync(c => c.Platform == "scripted");
        Assert.False(channel.Active);
        Assert.Equal("chat not found", channel.InactiveReason);
        Assert.Equal(1, await db.Subscriptions.CountAsync(s => s.ChannelId == channel.Id)); // kept
    }

    [Fact]
    public async Task AnExceptionFromThePlatformIsATransientFailure()
    {
        _platform.Results.Enqueue(null); // throws
        _platform.Results.Enqueue(SendResult.Sent("m-2"));
        using var dispatcher = await DispatcherAsync();

        await dispatcher.DispatchAsync(CancellationToken.None);
        var retrying = await RowAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(DeliveryState.Retrying, retrying.State);
        Assert.Contains("platform outage", retrying.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, (await RowAsync()).State);
    }

    [Fact]
    public async Task ASentAlertIsEditedWhenItsStoryGainsASourceAtMostOnceEveryTenMinutes()
    {
        _platform.Results.Enqueue(SendResult.Sent("m-1"));
        using var dispatcher = await DispatcherAsync();
        await dispatcher.DispatchAsync(CancellationToken.None);
        await using (var db = _database.Open())
        {
            await new DeliveryStore(RadarDatabase.Over(db)).ScheduleEditsAsync(1, _time.GetUtcNow().UtcDateTime, DeliveryDispatcher.EditInterval, CancellationToken.None);
        }

        await dispatcher.DispatchAsync(CancellationToken.None);
        await using (var db = _database.Open())
        {
            await new DeliveryStore(RadarDatabase.Over(db)).ScheduleEditsAsync(1, _time.GetUtcNow().UtcDateTime, DeliveryDispatcher.EditInterval, CancellationToken.None);
        }

        await dispatcher.DispatchAsync(CancellationToken.None); // too soon for a second edit
        var editsBefore = _platform.Edits.Count;
        _time.Advance(DeliveryDispatcher.EditInterval);
        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, editsBefore);
        Assert.Equal(2, _platform.Edits.Count);
        Assert.Equal(1, _platform.Sent); // edited, never re-sent
    }

    [Fact]
    public async Task AStopInTheMiddleOfABatchLosesNothingAndSendsNothingTwice()
    {
        await using (var db = _database.Open())
        {
            var now = _time.GetUtcNow().UtcDateTime;
            for (var i = 2; i <= 5; i++)
            {
                var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(1, new FeedEntry($"{i}", $"https://f.test/{i}", $"Story {i}", "", _time.GetUtcNow(), "en"), now, CancellationToken.None);
                var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", now, CancellationToken.None);
                await new DeliveryStore(RadarDatabase.Over(db)).EnqueueAsync(story.Id, [(1, "all")], now, CancellationToken.None);
            }
        }

        using var stop = new CancellationTokenSource();
        _platform.OnSend = count =>
        {
            if (count == 2)
            {
                stop.Cancel(); // the host stops while the second alert is being sent
            }
        };
        for (var i = 0; i < 10; i++)
        {
            _platform.Results.Enqueue(SendResult.Sent($"m-{i}"));
        }

        using (var first = await DispatcherAsync())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.DispatchAsync(stop.Token));
        }

        using (var restarted = await DispatcherAsync())
        {
            await restarted.DispatchAsync(CancellationToken.None);
        }

        await using var check = _database.Open();
        Assert.Equal(5, await check.Deliveries.CountAsync(d => d.State == DeliveryState.Sent));
        Assert.Equal(5, _platform.Sent);
        Assert.Equal(5, _platform.Stories.Distinct().Count());
    }

    [Fact]
    public async Task DigestRowsGoOutTogetherInOneMessageAtTheirTime()
    {
        await using (var db = _database.Open())
        {
            await db.Deliveries.ExecuteDeleteAsync();
            var now = _time.GetUtcNow().UtcDateTime;
            for (var i = 2; i <= 4; i++)
            {
                var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(1, new FeedEntry($"{i}", $"https://f.test/{i}", $"OpenAI launches GPT-{i}", "", _time.GetUtcNow(), "en"), now, CancellationToken.None);
                var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", now, CancellationToken.None);
                await new DeliveryStore(RadarDatabase.Over(db)).EnqueueAsync(story.Id, [new DeliveryTarget(1, "launches", now.AddHours(2), Digest: true)], now, CancellationToken.None);
            }
        }

        _platform.Results.Enqueue(SendResult.Sent("digest-1"));
        using var dispatcher = await DispatcherAsync();

        Assert.Equal(0, await dispatcher.DispatchAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(3, await dispatcher.DispatchAsync(CancellationToken.None));

        Assert.Equal(1, _platform.Sent);
        var digest = _platform.Alerts.Single();
        Assert.Equal("Radar digest: 3 stories", digest.Title);
        Assert.Contains("• OpenAI launches GPT-2 — https://f.test/2", digest.Summary, StringComparison.Ordinal);
        Assert.Contains("• OpenAI launches GPT-4 — https://f.test/4", digest.Summary, StringComparison.Ordinal);
        await using var check = _database.Open();
        Assert.All(await check.Deliveries.ToListAsync(), d => Assert.Equal("digest-1", d.MessageId));
    }

    [Fact]
    public async Task ABusyChatAtItsLimitDoesNotHoldBackTheOthers()
    {
        long busy, quiet;
        await using (var db = _database.Open())
        {
            await db.Deliveries.ExecuteDeleteAsync();
            var now = _time.GetUtcNow().UtcDateTime;
            busy = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync(_platform.Name, "busy", "Busy", false, now, CancellationToken.None);
            quiet = await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync(_platform.Name, "quiet", "Quiet", false, now, CancellationToken.None);
            for (var i = 2; i <= 5; i++)
            {
                var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(1, new FeedEntry($"{i}", $"https://f.test/{i}", $"Story {i}", "", _time.GetUtcNow(), "en"), now, CancellationToken.None);
                var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", now, CancellationToken.None);
                await new DeliveryStore(RadarDatabase.Over(db)).EnqueueAsync(story.Id, i < 5 ? [(busy, "all")] : [(quiet, "all")], now, CancellationToken.None);
            }
        }

        for (var i = 0; i < 10; i++)
        {
            _platform.Results.Enqueue(SendResult.Sent($"m-{i}"));
        }

        var options = new DeliveryOptions();
        options.RateLimits[_platform.Name] = new PlatformRateLimit { PerChannelPerMinute = 1 };
        using var limiter = new PlatformRateLimiter(Options.Create(options));
        using var dispatcher = await DispatcherAsync(limiter, TimeProvider.System);

        Assert.Equal(2, await dispatcher.DispatchAsync(CancellationToken.None));

        Assert.Equal(["busy", "quiet"], _platform.Alerts.Select(a => a.ChannelExternalId).Order());
        await using var check = _database.Open();
        Assert.Equal(2, await check.Deliveries.CountAsync(d => d.State == DeliveryState.Pending)); // the busy chat's next ones wait for its minute
    }

    [Fact]
    public async Task ConcurrentSendsKeepEveryLimitAndEachChatsOrder()
    {
        var chats = new List<long>();
        await using (var db = _database.Open())
        {
            await db.Deliveries.ExecuteDeleteAsync();
            var now = _time.GetUtcNow().UtcDateTime;
            for (var c = 0; c < 6; c++)
            {
                chats.Add(await new ChannelStore(RadarDatabase.Over(db)).EnsureAsync(_platform.Name, $"chat-{c}", "Chat", false, now, CancellationToken.None));
            }

            for (var i = 0; i < 4; i++)
            {
                var entry = await new EntryStore(RadarDatabase.Over(db)).AddIfNewAsync(1, new FeedEntry($"c{i}", $"https://f.test/c{i}", $"Story c{i}", "", _time.GetUtcNow(), "en"), now, CancellationToken.None);
                var story = await new StoryStore(RadarDatabase.Over(db)).CreateFromEntryAsync(entry!, "F", now, CancellationToken.None);
                await new DeliveryStore(RadarDatabase.Over(db)).EnqueueAsync(story.Id, chats.Select(c => (c, "all")), now, CancellationToken.None);
            }
        }

        for (var i = 0; i < 24; i++)
        {
            _platform.Results.Enqueue(SendResult.Sent($"m-{i}"));
        }

        _platform.Latency = TimeSpan.FromMilliseconds(120);
        var options = new DeliveryOptions { MaxInFlight = 4 };
        options.RateLimits[_platform.Name] = new PlatformRateLimit { GlobalPerSecond = 10, PerChannelPerSecond = 1 };
        using var limiter = new PlatformRateLimiter(Options.Create(options));
        using var dispatcher = await DispatcherAsync(limiter, TimeProvider.System, options);

        for (var run = 0; _platform.Sent < 24 && run < 50; run++)
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
        }

        var timeline = _platform.Timeline.OrderBy(t => t.Start).ToList();
        Assert.InRange(_platform.MostInFlight, 2, 4); // overlapping, and never more than allowed
        Assert.All(timeline, s => Assert.True(timeline.Count(o => o.Start >= s.Start && o.Start < s.Start.AddSeconds(1)) <= 10, "more than 10 started in one second"));
        foreach (var chat in timeline.GroupBy(t => t.Chat))
        {
            var sends = chat.ToList();
            Assert.Equal(sends.Select(s => s.Story).Order(), sends.Select(s => s.Story)); // the chat's stories in order
            Assert.All(sends.Zip(sends.Skip(1)), pair => Assert.True(pair.Second.Start - pair.First.End >= TimeSpan.FromMilliseconds(990), $"chat {chat.Key}: a message {(pair.Second.Start - pair.First.End).TotalMilliseconds} ms after the previous one ended"));
        }

        await using var check = _database.Open();
        Assert.Equal(24, await check.Deliveries.CountAsync(d => d.State == DeliveryState.Sent));
    }

    private AlertComposer ComposerFor() => new(
        new KnowledgeProvider(_services.GetRequiredService<IServiceScopeFactory>(), new ChangeSignals(_services.GetRequiredService<IServiceScopeFactory>(), _time), _time, NullLogger<KnowledgeProvider>.Instance));

    private sealed class ScriptedPlatform : IChatPlatform
    {
        public Queue<SendResult?> Results { get; } = new();

        public int Sent { get; private set; }

        public string Name => "scripted";

        public List<Alert> Edits { get; } = [];

        public Task<SendResult> EditAlertAsync(string messageId, Alert alert, CancellationToken cancellationToken)
        {
            Edits.Add(alert);
            return Task.FromResult(SendResult.Sent(messageId));
        }

        public Task<SendResult> NotifyUserAsync(string userId, string text, CancellationToken cancellationToken) => throw new NotSupportedException("the dispatcher sends alerts, not notices");

        public Action<int>? OnSend { get; set; }

        public List<long> Stories { get; } = [];

        public List<Alert> Alerts { get; } = [];

        /// <summary>How long each send takes (a network round trip).</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>Every send: the chat, the story, when it started and when it ended.</summary>
        public List<(string Chat, long Story, DateTime Start, DateTime End)> Timeline { get; } = [];

        public int MostInFlight { get; private set; }

        private readonly Lock _gate = new();
        private int _inFlight;

        public async Task<SendResult> SendAlertAsync(Alert alert, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SendResult? result;
            var start = DateTime.UtcNow;
            lock (_gate)
            {
                Sent++;
                Stories.Add(alert.StoryId);
                Alerts.Add(alert);
                OnSend?.Invoke(Sent);
                result = Results.Dequeue();
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
            }

            try
            {
                if (Latency > TimeSpan.Zero)
                {
                    await Task.Delay(Latency, cancellationToken);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                    Timeline.Add((alert.ChannelExternalId, alert.StoryId, start, DateTime.UtcNow));
                }
            }

            return result ?? throw new HttpRequestException("platform outage");
        }
    }
}
