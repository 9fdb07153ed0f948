using Microsoft.Data.Sqlite;

namespace Radar.Storage;

/// <summary>
/// An exclusive lock on <c>&lt;database&gt;.lock</c> held for the life of the process, so that two
/// processes never share one SQLite database (scale-out is PostgreSQL's job).
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream? _lockFile;

    private SqliteInstanceLock(FileStream? lockFile) => _lockFile = lockFile;

    /// <summary>The database file a SQLite connection string names, as an absolute path (null for in-memory).</summary>
    public static string? DatabasePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        return Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Creates the database folder if needed and takes the lock; throws <see cref="DatabaseInUseException"/> when another process has it.</summary>
    public static SqliteInstanceLock Acquire(string connectionString)
    {
        var path = DatabasePath(connectionString);
        if (path is null)
        {
            return new SqliteInstanceLock(null);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None takes an advisory exclusive lock (flock) on Unix and a share lock on Windows.
            var stream = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SqliteInstanceLock(stream);
        }
        catch (IOException e)
        {
            throw new DatabaseInUseException(path, e);
        }
    }

    public void Dispose() => _lockFile?.Dispose();
}
