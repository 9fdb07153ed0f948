using System.Reflection;

namespace Radar.Storage.Sql;

/// <summary>
/// Brings the schema up to date at start without EF Core: the SQL that EF Core generates for each
/// migration (<c>Storage/Sql/Migrations/{provider}/{migration}.sql</c>, embedded; a test checks that
/// it is what EF Core generates today), each run once, in order, and recorded in EF Core's own
/// history table, so that a database made by either keeps working with the other.
/// </summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "Radar.Storage.Sql.Migrations.";

    private const string SqliteHistory = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
            "ProductVersion" TEXT NOT NULL
        );
        """;

    private const string PostgresHistory = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" character varying(150) NOT NULL,
            "ProductVersion" character varying(32) NOT NULL,
            CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
        );
        """;

    /// <summary>The migrations of a provider (<c>Sqlite</c> or <c>Postgres</c>), in order: their ids and their SQL.</summary>
    public static IReadOnlyList<(string Id, string Sql)> Migrations(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{ResourcePrefix}{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[prefix.Length..^".sql".Length], Read(assembly, name)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs the migrations the database has not had; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(RadarDatabase db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync(db.OnPostgres ? PostgresHistory : SqliteHistory, cancellationToken).ConfigureAwait(false);
        var applied = (await db.QueryAsync("""SELECT "MigrationId" FROM "__EFMigrationsHistory" """, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var ran = new List<string>();
        foreach (var (id, sql) in Migrations(db.OnPostgres ? StorageProvider.Postgres : StorageProvider.Sqlite).Where(m => !applied.Contains(m.Id)))
        {
            await db.ExecuteAsync(sql, cancellationToken).ConfigureAwait(false); // the script has its own transaction and history row
            ran.Add(id);
        }

        return ran;
    }
}
