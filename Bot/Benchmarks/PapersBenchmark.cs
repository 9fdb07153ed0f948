using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Papers;

namespace Radar.Bot.Benchmarks;

/// <summary>
/// <c>bench papers [--papers N]</c>: a day's volume of the live paper trail. An arXiv listing of N
/// new papers and an OpenAlex that answers each of them are served on 127.0.0.1 by this process; the
/// real bot runs <c>--once</c> as a child process with the default pace (one OpenAlex look-up every
/// 100 ms), subscribed to <c>talent org:Meta</c>. Every tenth paper is signed by a known Meta author
/// from another institution (an inferred move); the other authors are unknown. Prints the look-ups
/// done, the time and the rate they took, the moves alerted, the CPU, and the resident memory after
/// a tenth of the look-ups and at the end (flat when the work does not grow with the papers read).
/// </summary>
public static class PapersBenchmark
{
    public static async Task<int> RunAsync(TextWriter output, int papers)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!OperatingSystem.IsLinux())
        {
            await output.WriteLineAsync("bench papers reads the bot's memory and CPU from /proc: Linux only.").ConfigureAwait(false);
            return 2;
        }

        var movers = MetaAuthors(SeedKnowledge.Load(), papers / 10 + 1);
        var folder = Directory.CreateTempSubdirectory("radar-bench-papers-");
        var lookups = new ConcurrentQueue<DateTime>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var server = builder.Build();
        var day = DateTimeOffset.UtcNow;
        server.MapGet("/rss/bench", () => Results.Text(Listing(papers, movers, day), "application/rss+xml; charset=utf-8"));
        server.MapGet("/works/{*doi}", (string doi) =>
        {
            lookups.Enqueue(DateTime.UtcNow);
            var number = int.Parse(doi[(doi.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture) - 10_000;
            return Results.Text(Work(number, movers, day), "application/json");
        });
        await server.StartAsync().ConfigureAwait(false);
        var url = server.Urls.First();

        var noFeeds = Path.Combine(folder.FullName, "feeds.opml");
        await File.WriteAllTextAsync(noFeeds, Feeds.Parsing.OpmlReader.Write([], "no feeds: papers only")).ConfigureAwait(false);
        using var bot = ChildBot.Start(folder.FullName, ["--once", $"--Radar:Feeds:Opml={noFeeds}", $"--Radar:Papers:Feeds:0={url}/rss/bench", $"--Radar:Papers:OpenAlexUrl={url}", $"--Radar:Papers:MaxLookupsPerRound={papers}"], out var printed);
        await bot.StandardInput.WriteLineAsync("/subscribe talent org:Meta").ConfigureAwait(false);
        bot.StandardInput.Close();
        var began = DateTime.UtcNow;
        long peak = 0, atTenth = 0, atEnd = 0;
        TimeSpan cpu = TimeSpan.Zero;
        while (!bot.HasExited && DateTime.UtcNow - began < TimeSpan.FromMinutes(30))
        {
            var resident = ChildBot.ResidentBytes(bot.Id);
            peak = Math.Max(peak, resident);
            atTenth = atTenth == 0 && lookups.Count >= papers / 10 ? resident : atTenth;
            atEnd = lookups.Count >= papers ? (atEnd == 0 ? resident : atEnd) : atEnd;
            cpu = resident > 0 ? ChildBot.CpuTime(bot.Id) : cpu;
            await Task.Delay(250).ConfigureAwait(false);
        }

        var elapsed = DateTime.UtcNow - began;
        await bot.WaitForExitAsync().ConfigureAwait(false);
        await server.StopAsync().ConfigureAwait(false);
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the SQLite file may still be closing: the temp folder is the system's to clean
        }

        var times = lookups.Order().ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).Order().ToList();
        var span = times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0;
        var alerted = (await printed.ConfigureAwait(false)).Split('\n').Where(l => l.StartsWith("┏━", StringComparison.Ordinal)).ToList();
        var alerts = alerted.Count;
        var planted = Enumerable.Range(0, papers).Where(i => i % 10 == 0).Select(i => movers[i / 10 % movers.Count]).Distinct().ToList();
        var missed = planted.Where(p => !alerted.Exists(a => a.Contains(p + ":", StringComparison.Ordinal))).ToList();
        static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("N0", CultureInfo.InvariantCulture) + " MB";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"papers: {papers:N0} listed, {times.Count:N0} looked up on OpenAlex in {span:N1} s ({(span > 0 ? (times.Count - 1) / span : 0):N1} a second; closest two look-ups {(gaps.Count > 0 ? gaps[0] : 0):N0} ms apart, median {(gaps.Count > 0 ? gaps[gaps.Count / 2] : 0):N0} ms); {alerts:N0} inferred moves alerted of {planted.Count:N0} planted (one per person{(missed.Count == 0 ? string.Empty : "; not alerted: " + string.Join(", ", missed))}); the whole --once run {elapsed.TotalSeconds:N0} s, CPU {cpu.TotalSeconds:N1} s ({cpu.TotalMilliseconds / Math.Max(1, times.Count):N2} ms per paper); resident memory {Mb(atTenth)} after a tenth of the look-ups, {Mb(atEnd)} after all of them, peak {Mb(peak)}"));
        return times.Count == papers ? 0 : 1;
    }

    /// <summary>Known people with no stated path whose latest single-company paper is Meta's, with a name that is theirs alone (what the rule recognises).</summary>
    private static List<string> MetaAuthors(KnowledgeBase knowledge, int count) =>
        [.. knowledge.Entities.Where(e => e.Kind == EntityKind.Person && e.Affiliations.Count == 0 && PaperTrail.Latest(e, knowledge) is var (org, _) && knowledge.Root(org).Id == "org:meta"
                && knowledge.PeopleNamed(e.Name).Count() == 1 && !PaperReader.IsCommonName(e.Name, knowledge))
            .Select(e => e.Name).Order(StringComparer.Ordinal).Take(count)];

    private static string Authors(int paper, List<string> movers) =>
        string.Join(", ", Enumerable.Range(0, 3 + paper % 4).Select(j => j == 0 && paper % 10 == 0 && movers.Count > 0 ? movers[paper / 10 % movers.Count] : $"Bench Author{paper}x{j}"));

    private static string Listing(int papers, List<string> movers, DateTimeOffset day)
    {
        var items = new StringBuilder();
        for (var i = 0; i < papers; i++)
        {
            items.Append(CultureInfo.InvariantCulture, $"<item><title>Bench paper {i}</title><link>https://arxiv.org/abs/2612.{10_000 + i}</link><description>arXiv:2612.{10_000 + i}v1 Announce Type: new Abstract: a paper.</description><guid isPermaLink=\"false\">oai:arXiv.org:2612.{10_000 + i}v1</guid><pubDate>{day:r}</pubDate><dc:creator>{SecurityElement.Escape(Authors(i, movers))}</dc:creator></item>");
        }

        return $"""<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>bench listing</title><link>http://rss.arxiv.org/rss/cs.AI</link><description>bench</description>{items}</channel></rss>""";
    }

    private static readonly string[] Somewhere = ["Somewhere"];

    private static string Work(int paper, List<string> movers, DateTimeOffset day) => JsonSerializer.Serialize(new
    {
        title = $"Bench paper {paper}",
        publication_date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        authorships = Authors(paper, movers).Split(", ").Select((name, j) => new
        {
            author = new { display_name = name, orcid = (string?)null },
            institutions = new[] { new { display_name = j == 0 && paper % 10 == 0 ? "Bench Lab (United States)" : "University of Benchmarks", ror = j == 0 ? "0bench0" + (paper % 100).ToString("00", CultureInfo.InvariantCulture) : null, country_code = "US" } },
            raw_affiliation_strings = Somewhere,
        }),
    });
}
