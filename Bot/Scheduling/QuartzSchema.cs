using System.Data.Common;
using Quartz;

namespace Radar.Bot.Scheduling;

/// <summary>
/// Creates the tables of Quartz's PostgreSQL job store from the script Quartz ships for that
/// (<c>create_postgres.sql</c>, embedded in Quartz.dll: it only creates what is missing), at start,
/// under Radar's start-up lock — so instances starting together never race to create them.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static async Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(Resource)
                                 ?? throw new InvalidOperationException($"Quartz.dll has no {Resource}; the Quartz package changed.");
        using var reader = new StreamReader(stream);
        var script = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false))
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        foreach (var statement in script.Split("--;;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement.Split('\n').All(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Trim().Length == 0))
            {
                continue; // comments only
            }

            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
