using System.Diagnostics;
using Npgsql;
using Radar.Tests.Fakes;

namespace Radar.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the whole test run: <c>RADAR_TEST_POSTGRES</c> (a connection string
/// to a server someone else started) when set, else a throwaway cluster made with the machine's own
/// binaries (<c>/usr/lib/postgresql/*/bin</c>) in a temporary folder, on 127.0.0.1 and a free port,
/// with trust authentication, stopped when the test process exits. <c>initdb</c> refuses root, so as
/// root the cluster belongs to the <c>postgres</c> user. Missing binaries fail the tests that need
/// them with the reason: the PostgreSQL tests are never skipped silently.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "RADAR_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A connection string to the server's maintenance database.</summary>
    public static Task<string> ConnectionStringAsync() => Server.Value;

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await ConnectionStringAsync();
        var name = "radar_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: install the Debian package postgresql (.ci/run does) or set {Variable} to a connection string.");
        }

        var folder = Directory.CreateTempSubdirectory("radar-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres {folder}");
        }

        var port = Loopback.FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-sync", asRoot);
        await RunAsync(
            Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(folder, "log")} -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start",
            asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", asRoot).GetAwaiter().GetResult();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Left for the OS's temp cleaning.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres = false)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
