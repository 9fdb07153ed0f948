using System.Diagnostics;

namespace Radar.Tests.Support;

/// <summary>
/// A real headless Chromium (Debian package <c>chromium</c>, installed by .ci/run): the DOM a page
/// leaves after loading, and a screenshot. As root it runs with --no-sandbox.
/// </summary>
public static class Chromium
{
    public static string Path =>
        Environment.GetEnvironmentVariable("RADAR_CHROMIUM") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("No Chromium found: install the Debian package chromium (.ci/run does) or set RADAR_CHROMIUM.");

    public static async Task<string> DumpDomAsync(string url) => (await RunAsync(["--dump-dom", url])).Output;

    public static async Task ScreenshotAsync(string url, string file, int width = 1200, int height = 900) =>
        await RunAsync([$"--screenshot={file}", $"--window-size={width},{height}", "--hide-scrollbars", url]);

    private static async Task<(string Output, string Error)> RunAsync(string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("radar-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile.FullName}" }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return (await output, await error);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
