using Microsoft.AspNetCore.Http;
using Radar.Bot.Hosting;
using Radar.Tests.Fakes;
using Radar.Tests.Support;

namespace Radar.Tests.Bot;

/// <summary>The built executable: start-up errors, the single-instance rule, Ctrl+C.</summary>
[Trait("Category", "Slow")]
public sealed class ProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--Radar:Feeds:PollInterval=abc", "Radar:Feeds:PollInterval")]
    [InlineData("--Radar:Feeds:PollInterval=00:00:01", "Radar:Feeds:PollInterval")]
    [InlineData("--Radar:Feeds:MaxConcurrency=0", "Radar:Feeds:MaxConcurrency")]
    [InlineData("--Radar:Console:Format=xml", "Radar:Console:Format")]
    [InlineData("--Radar:Storage:Provider=Oracle", "Radar:Storage:Provider: must be Sqlite or Postgres.")]
    [InlineData("--Radar:Telegram:Mode=Carrier", "Radar:Telegram:Mode: must be Polling or Webhook.")]
    [InlineData("--Radar:Feeds:Sources:0:Url=ftp://x", "Radar:Feeds:Sources:0:Url")]
    [InlineData("--Radar:Feeds:Opml=missing.opml", "Radar:Feeds:Opml")]
    public async Task ABadSettingStopsWithOneClearMessageAndExitCode2(string setting, string key)
    {
        using var folder = new TempDirectory();
        using var bot = BotProcess.Start(folder.Path, "--once", setting);
        bot.CloseInput();

        var exitCode = await bot.WaitForExitAsync(Patience);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("radar: " + key, bot.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Error, StringComparison.Ordinal); // no stack trace
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "radar.db")), "nothing should be written before the configuration is valid");
    }

    [Theory]
    [InlineData("/proc/radar-test/radar.db")] // a folder nobody, not even root, can create
    [InlineData("/proc/version")] // a file nobody can write
    public async Task AnUnwritableDatabaseStopsWithOneClearMessageAndExitCode5(string path)
    {
        using var folder = new TempDirectory();
        using var bot = BotProcess.Start(folder.Path, "--once", $"--Radar:Storage:ConnectionString=Data Source={path}");
        bot.CloseInput();

        var exitCode = await bot.WaitForExitAsync(Patience);

        Assert.Equal(ExitCodes.DatabaseNotWritable, exitCode);
        Assert.Contains("cannot be written", bot.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Error, StringComparison.Ordinal); // no stack trace
    }

    [Theory]
    [InlineData("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", "globalization-invariant")]
    [InlineData("TZDIR", "/nonexistent-zoneinfo", "time-zone data")]
    public async Task AnIncompleteRuntimeStopsWithOneClearMessageAndExitCode6(string variable, string value, string message)
    {
        using var folder = new TempDirectory();
        using var bot = BotProcess.Start(folder.Path, new Dictionary<string, string> { [variable] = value }, "--once");
        bot.CloseInput();

        Assert.Equal(ExitCodes.RuntimeIncomplete, await bot.WaitForExitAsync(Patience));
        Assert.Contains(message, bot.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")), "nothing is written");
    }

    [Fact]
    public async Task TheLogFormatIsConfigurationsChoiceAndJsonGivesOneObjectPerLine()
    {
        using var folder = new TempDirectory();
        using var bot = BotProcess.Start(folder.Path, "--once", "--Logging:Console:FormatterName=json");
        bot.CloseInput();

        Assert.Equal(ExitCodes.Ok, await bot.WaitForExitAsync(Patience));
        var lines = bot.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(lines, line => line.Contains("\"Category\":\"Radar.Bot.Hosting.RadarInitializer\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALinkToADatabaseInUseIsRefusedLikeTheDatabaseItself()
    {
        using var folder = new TempDirectory();
        var database = Path.Combine(folder.Path, "radar.db");
        using (var held = Radar.Storage.SqliteInstanceLock.Acquire($"Data Source={database}"))
        {
            File.CreateSymbolicLink(Path.Combine(folder.Path, "symlink.db"), database);
            using (var ln = System.Diagnostics.Process.Start("ln", [database, Path.Combine(folder.Path, "hardlink.db")]))
            {
                await ln.WaitForExitAsync();
            }

            Assert.Throws<Radar.Storage.DatabaseInUseException>(() => Radar.Storage.SqliteInstanceLock.Acquire($"Data Source={Path.Combine(folder.Path, "symlink.db")}"));
            Assert.Throws<Radar.Storage.DatabaseInUseException>(() => Radar.Storage.SqliteInstanceLock.Acquire($"Data Source={Path.Combine(folder.Path, "hardlink.db")}"));
            Assert.Throws<Radar.Storage.DatabaseInUseException>(() => Radar.Storage.SqliteInstanceLock.Acquire($"Data Source=file:{database}?mode=rwc"));
        }

        using var again = Radar.Storage.SqliteInstanceLock.Acquire($"Data Source={Path.Combine(folder.Path, "symlink.db")}"); // free once released
    }

    [Fact]
    public void AFileUriNamesTheFileNotAFolderCalledFile()
    {
        Assert.Equal("/var/lib/radar/radar.db", Radar.Storage.SqliteInstanceLock.DatabasePath("Data Source=file:/var/lib/radar/radar.db"));
        Assert.Equal("/var/lib/radar/radar.db", Radar.Storage.SqliteInstanceLock.DatabasePath("Data Source=file:///var/lib/radar/radar.db?mode=rwc"));
        Assert.Null(Radar.Storage.SqliteInstanceLock.DatabasePath("Data Source=file::memory:?cache=shared"));
    }

    [Fact]
    public async Task ASecondProcessOnTheSameDatabaseRefusesToStartAndCtrlCStopsTheFirstCleanly()
    {
        using var folder = new TempDirectory();
        await using var server = await FeedServer.StartAsync();
        server.ServeFeed("/feed.xml", () => Rss.Document(new Rss.Item("OpenAI launches GPT-7", "https://news.test/hello", "1", DateTimeOffset.UtcNow)));
        string[] settings = ["--Radar:Http:Port=0", "--Radar:Feeds:AllowPrivateAddresses=true", "--Radar:Feeds:Sources:0:Name=Local", $"--Radar:Feeds:Sources:0:Url={server.Url("/feed.xml")}"];
        var opml = Path.Combine(folder.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Radar.Feeds.Parsing.OpmlReader.Write([new Radar.Feeds.Model.FeedSource("Local", server.Url("/feed.xml"))], "test"));

        using var first = BotProcess.Start(folder.Path, new Dictionary<string, string>(), [.. settings, $"--Radar:Feeds:Opml={opml}"], interruptible: true);
        await first.WaitForErrorTextAsync("Feed Local: 1 entries, 1 new, 1 alerts", Patience);
        Assert.False(first.IgnoresInterrupt(), "SIGINT is ignored in the bot: Ctrl+C could not stop it");

        using var second = BotProcess.Start(folder.Path, ["--once", .. settings, $"--Radar:Feeds:Opml={opml}"]);
        second.CloseInput();
        var secondExit = await second.WaitForExitAsync(Patience);

        first.Interrupt();
        var firstExit = await first.WaitForExitAsync(Patience);

        Assert.Equal(ExitCodes.DatabaseInUse, secondExit);
        Assert.Contains("is in use by another Radar process", second.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, firstExit);
        Assert.Contains("┏━ OpenAI launches GPT-7", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "radar.db")), "the database is created under the working directory");
    }

    [Fact]
    public async Task ASingleInstancePollsOnItsOwnTickerAndLoadsNoAssemblyItDoesNotUse()
    {
        using var folder = new TempDirectory();
        await using var server = await FeedServer.StartAsync();
        server.ServeFeed("/feed.xml", () => Rss.Document(new Rss.Item("Mistral releases Magistral 2", "https://news.test/magistral", "1", DateTimeOffset.UtcNow)));

        using var bot = BotProcess.Start(folder.Path, ["--Radar:Http:Port=0", "--Radar:Feeds:AllowPrivateAddresses=true", "--Radar:Feeds:Sources:0:Name=Local", $"--Radar:Feeds:Sources:0:Url={server.Url("/feed.xml")}"]);
        await bot.WaitForErrorTextAsync("Feed Local: 1 entries, 1 new", Patience);

        var mapped = bot.MappedFiles();
        Assert.Contains("Radar.Bot.dll", mapped, StringComparison.Ordinal); // the check reads the right process
        // Quartz is for a PostgreSQL cluster, the component renderer for a dashboard page asked for, the
        // rest for an LLM, Telegram or PostgreSQL: none of them configured or used here. EF Core designs
        // the schema; the bot runs SQL.
        Assert.All(
            ["Quartz", "Microsoft.AspNetCore.Components", "Microsoft.Extensions.AI", "OpenAI", "Telegram.Bot", "Npgsql", "Microsoft.EntityFrameworkCore"],
            assembly => Assert.DoesNotContain(assembly, mapped, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABotStoppedMidPollOfAThousandSlowFeedsExitsCleanlyWithinTenSeconds()
    {
        using var folder = new TempDirectory();
        await using var server = await FeedServer.StartAsync();
        var feeds = Enumerable.Range(0, 1_000).Select(i => new Radar.Feeds.Model.FeedSource($"Slow {i}", server.Url($"/slow/{i}.xml"))).ToList();
        foreach (var feed in feeds)
        {
            server.Map(new Uri(feed.Url).AbsolutePath, async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted); // each answer takes its time: a stop always finds fetches under way
                await context.Response.WriteAsync(Rss.Document(new Rss.Item("Quiet", "https://news.test/" + context.Request.Path, "1", DateTimeOffset.UtcNow)), context.RequestAborted);
            });
        }

        var opml = Path.Combine(folder.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Radar.Feeds.Parsing.OpmlReader.Write(feeds, "slow"));
        using var bot = BotProcess.Start(folder.Path, ["--Radar:Http:Port=0", "--Radar:Feeds:AllowPrivateAddresses=true", $"--Radar:Feeds:Opml={opml}"]);
        await Wait.UntilAsync(() => server.Arrivals.Count >= 20, seconds: 60);

        bot.Terminate();
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(server.Arrivals.Count < 1_000, "the round was still under way when the bot was stopped");
    }
}
