using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Radar.Feeds.Analysis;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Model;
using Radar.Storage;
using Radar.Storage.Stores;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench storage</c>: what EF Core adds to the bot's resident memory. Three fresh child processes
/// of this binary (so with the bot's own runtime settings), each shaped like the bot (Kestrel on
/// 127.0.0.1 answering one request to its health endpoint, the knowledge base loaded and one item
/// understood) on a new SQLite file, differing only in how they use it: through ADO.NET alone
/// (create a table, then claim, read and update a row three times); through EF Core migrating it,
/// as the bot does at start; and the same followed by three rounds of store calls the bot makes at
/// start and when it polls. Prints each one's peak resident memory (its high-water mark).
/// </summary>
public static class StorageBenchmark
{
    private static readonly string[] Probes = ["ado", "ef-migrate", "ef-stores"];

    public static async Task<int> RunAsync(TextWriter output, string? probe)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!OperatingSystem.IsLinux())
        {
            await output.WriteLineAsync("bench storage reads resident memory from /proc: Linux only.").ConfigureAwait(false);
            return 2;
        }

        if (probe is not null)
        {
            return await ProbeAsync(probe, output).ConfigureAwait(false);
        }

        var peaks = new List<double>();
        foreach (var each in Probes)
        {
            var folder = Directory.CreateTempSubdirectory("radar-bench-storage-");
            using var child = ChildBot.StartSelf(folder.FullName, ["bench", "storage", "--probe", each], out var printed);
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a probe takes seconds
            try
            {
                await child.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync().ConfigureAwait(false);
            }

            folder.Delete(recursive: true);
            if (child.ExitCode != 0 || !long.TryParse((await printed.ConfigureAwait(false)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                await output.WriteLineAsync($"bench storage: the {each} probe failed (exit code {child.ExitCode}); run it alone to see why: bench storage --probe {each}").ConfigureAwait(false);
                return 1;
            }

            peaks.Add(bytes / 1024d / 1024d);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"storage: a host shaped like the bot's, on a new SQLite file, peaks at {peaks[0]:N0} MB through ADO.NET alone, {peaks[1]:N0} MB when EF Core migrates it, {peaks[2]:N0} MB when the stores then poll through EF Core: EF Core adds {peaks[2] - peaks[0]:N0} MB")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>One probe, in this process: prints its peak resident memory in bytes.</summary>
    private static async Task<int> ProbeAsync(string probe, TextWriter output)
    {
        if (!Probes.Contains(probe, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"bench storage: unknown probe '{probe}'. Available: {string.Join(", ", Probes)}.").ConfigureAwait(false);
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHealthChecks();
        await using var app = builder.Build();
        app.MapHealthChecks("/healthz");
        await app.StartAsync().ConfigureAwait(false);
        using (var http = new HttpClient())
        {
            _ = await http.GetStringAsync(new Uri(app.Urls.First() + "/healthz")).ConfigureAwait(false);
        }

        // What the bot holds whatever its storage: the knowledge base, and one item understood.
        var analyser = new StoryAnalyser(SeedKnowledge.Load());
        _ = analyser.Analyse(AnalysisInput.Of(new FeedEntry("probe", "https://example.org/1", "Guillaume Lample leaves Meta to co-found Mistral AI", "The researcher joins the new Paris lab as chief scientist.", DateTimeOffset.UtcNow, "en")));

        var file = Path.Combine(Environment.CurrentDirectory, "probe.db");
        File.Delete(file); // a new file every time
        var connectionString = $"Data Source={file}";
        await (probe == "ado" ? AdoAsync(connectionString) : EntityFrameworkAsync(connectionString, rounds: probe == "ef-stores" ? 3 : 0)).ConfigureAwait(false);
        GC.KeepAlive(analyser);
        await app.StopAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync(ChildBot.HighWaterBytes(Environment.ProcessId).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return 0;
    }

    private static async Task AdoAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await ExecuteAsync(connection, """CREATE TABLE feeds ("Id" INTEGER PRIMARY KEY, "Url" TEXT NOT NULL, "NextPollAt" TEXT NOT NULL, "ClaimedBy" TEXT NULL); INSERT INTO feeds ("Url", "NextPollAt") VALUES ('http://127.0.0.1/feed', '2026-01-01 00:00:00')""", null).ConfigureAwait(false);
            for (var round = 0; round < 3; round++)
            {
                var now = DateTime.UtcNow;
                await ExecuteAsync(connection, """UPDATE feeds SET "ClaimedBy" = @holder WHERE "NextPollAt" <= @now RETURNING "Id", "Url" """, now).ConfigureAwait(false);
                await ExecuteAsync(connection, """UPDATE feeds SET "ClaimedBy" = NULL, "NextPollAt" = @now WHERE "ClaimedBy" = @holder""", now.AddMinutes(5)).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, DateTime? now)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            if (now is { } time)
            {
                command.Parameters.AddWithValue("@holder", "bench");
                command.Parameters.AddWithValue("@now", time);
            }

            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    _ = reader.GetValue(0);
                }
            }
        }
    }

    /// <remarks>A method of its own, so that the ADO.NET probe never loads EF Core.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task EntityFrameworkAsync(string connectionString, int rounds)
    {
        var options = new DbContextOptionsBuilder<SqliteRadarDbContext>().UseSqlite(connectionString).Options;
        var db = new SqliteRadarDbContext(options);
        await using (db.ConfigureAwait(false))
        {
            await DatabaseInitializer.MigrateAsync(db, CancellationToken.None).ConfigureAwait(false);
        }

        for (var round = 0; round < rounds; round++)
        {
            var now = DateTime.UtcNow;
            db = new SqliteRadarDbContext(options);
            await using (db.ConfigureAwait(false))
            {
                var feeds = new FeedStore(Radar.Storage.Sql.RadarDatabase.Over(db));
                await feeds.SyncAsync([new FeedSource("Probe", "http://127.0.0.1/feed", "en")], now, CancellationToken.None).ConfigureAwait(false);
                foreach (var feed in await feeds.ClaimDueAsync(dueOnly: true, "bench", now, now.AddMinutes(1), 10, CancellationToken.None).ConfigureAwait(false))
                {
                    await feeds.RecordSuccessAsync(feed.Id, null, null, primed: true, now, now.AddMinutes(5), CancellationToken.None).ConfigureAwait(false);
                }

                _ = await new StoryStore(Radar.Storage.Sql.RadarDatabase.Over(db)).RecentAsync(now.AddDays(-3), CancellationToken.None).ConfigureAwait(false);
                _ = await new DeliveryStore(Radar.Storage.Sql.RadarDatabase.Over(db)).WaitingAsync(CancellationToken.None).ConfigureAwait(false);
                _ = await new KnowledgeStore(Radar.Storage.Sql.RadarDatabase.Over(db)).LoadAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
