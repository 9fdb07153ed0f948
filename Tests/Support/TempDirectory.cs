namespace Radar.Tests.Support;

/// <summary>A folder under the system temp path, deleted with everything in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "radar-tests-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite WAL) is left to the OS's temp cleaning.
        }
    }
}
