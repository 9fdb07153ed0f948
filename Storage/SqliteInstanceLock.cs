using Microsoft.Data.Sqlite;

namespace Radar.Storage;

/// <summary>
/// An exclusive lock on the SQLite database file itself, held for the life of the process, so that
/// two processes never share one database (scale-out is PostgreSQL's job). The lock (<c>flock</c> on
/// Unix) belongs to the file, not to its name: a symbolic or hard link to the same file is refused
/// too. SQLite's own locks (<c>fcntl</c>) are separate and unaffected.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream? _file;

    private SqliteInstanceLock(FileStream? file) => _file = file;

    /// <summary>
    /// The database file a SQLite connection string names, as an absolute path (null for in-memory).
    /// A URI filename (<c>file:/abs/path?mode=rwc</c>, <c>file:///abs/path</c>) is read as SQLite reads it.
    /// </summary>
    public static string? DatabasePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return null;
        }

        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var query = source.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0 && source[query..].Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            source = Uri.UnescapeDataString(query >= 0 ? source[5..query] : source[5..]);
            if (source.StartsWith("//", StringComparison.Ordinal))
            {
                source = source[(source.IndexOf('/', 2) is var slash and >= 0 ? slash : source.Length)..]; // file://host/path: the path
            }

            if (source is "" or ":memory:")
            {
                return null;
            }
        }

        return Path.GetFullPath(source);
    }

    /// <summary>
    /// Creates the database folder if needed and takes the lock. Throws <see cref="DatabaseInUseException"/>
    /// when another process has it, <see cref="DatabaseNotWritableException"/> when the folder or the
    /// file cannot be created or written.
    /// </summary>
    public static SqliteInstanceLock Acquire(string connectionString)
    {
        var path = DatabasePath(connectionString);
        if (path is null)
        {
            return new SqliteInstanceLock(null);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseNotWritableException(path, $"its folder cannot be created ({e.Message})", e);
        }

        FileStream stream;
        try
        {
            // FileShare.None takes an advisory exclusive lock (flock) on Unix and a share lock on Windows.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatabaseNotWritableException(path, $"it cannot be opened for writing ({e.Message})", e);
        }
        catch (IOException e)
        {
            if (IsLockConflict(e))
            {
                throw new DatabaseInUseException(path, e);
            }

            throw new DatabaseNotWritableException(path, e.Message, e);
        }

        var journalProbe = path + "-radar-probe";
        try
        {
            File.WriteAllBytes(journalProbe, []); // SQLite writes its journal beside the file
            File.Delete(journalProbe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream.Dispose();
            throw new DatabaseNotWritableException(path, $"its folder is not writable, and SQLite writes its journal there ({e.Message})", e);
        }

        return new SqliteInstanceLock(stream);
    }

    /// <summary>EWOULDBLOCK/EAGAIN from flock, or a Windows sharing violation: another process holds the file.</summary>
    private static bool IsLockConflict(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) || e.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _file?.Dispose();
}
