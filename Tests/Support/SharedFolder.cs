namespace Radar.Tests.Support;

/// <summary>Finds the project's ../shared folder (corpus, eval, seeds) from wherever the tests run.</summary>
internal static class SharedFolder
{
    public static string Path { get; } = Locate();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RADAR_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The shared folder (../shared with corpus/) was not found; set RADAR_SHARED.");
    }
}
