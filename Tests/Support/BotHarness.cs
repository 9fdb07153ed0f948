using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Radar.Bot.Hosting;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;

namespace Radar.Tests.Support;

/// <summary>
/// Builds the real bot (same composition as Program) on a temp SQLite file, with its feeds given
/// as an OPML file, standard input scripted and standard output captured.
/// </summary>
public sealed class BotHarness : IDisposable
{
    private readonly TempDirectory _folder = new();

    public BotHarness(params FeedSource[] feeds) => SetFeeds(feeds);

    public string DatabasePath => _folder.Combine("radar.db");

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public void SetFeeds(params FeedSource[] feeds) =>
        File.WriteAllText(_folder.Combine("feeds.opml"), OpmlReader.Write(feeds, "test feeds"));

    public WebApplication Build(RunMode mode, TextWriter output, string input = "") =>
        RadarHost.Build(mode, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Radar:Storage:ConnectionString"] = $"Data Source={DatabasePath}",
                ["Radar:Feeds:Opml"] = _folder.Combine("feeds.opml"),
                ["Radar:Feeds:AllowPrivateAddresses"] = "true",
                ["Radar:Papers:Feeds:0"] = string.Empty, // no test reaches arXiv: a test that wants papers names its own listing
                ["Radar:Feeds:Timeout"] = "00:00:05",
                ["Radar:Http:Port"] = "0",
            });
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Services.AddSingleton(output);
            builder.Services.AddSingleton<TextReader>(new StringReader(input));
        });

    /// <summary>Runs one <c>--once</c> cycle and returns what it printed.</summary>
    public async Task<string> RunOnceAsync(string input = "")
    {
        var mode = RunMode.Parse(["--once"]);
        using var output = new StringWriter();
        await using (var app = Build(mode, output, input))
        {
            Assert.Equal(ExitCodes.Ok, await RadarHost.RunAsync(app, mode));
        }

        return output.ToString();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
