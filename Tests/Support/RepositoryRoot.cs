namespace Radar.Tests.Support;

/// <summary>The repository's root folder: the one above the test binaries that holds <c>Bot.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Bot.sln was not found above the test binaries.");
    }
}
