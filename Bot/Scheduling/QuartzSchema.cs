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
        // Statements are separated by lines that read exactly "--;;".
        var statement = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n').Append("--;;"))
        {
            if (line.Trim() != "--;;")
            {
                statement.Append(line).Append('\n');
                continue;
            }

            var text = statement.ToString();
            statement.Clear();
            if (text.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            {
                continue; // comments only
            }

            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
