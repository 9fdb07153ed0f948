using Radar.Bot.Benchmarks;

namespace Radar.Bot.Cli;

/// <summary><c>dotnet run --project Bot -c Release -- bench &lt;what&gt; [corpus folder]</c>.</summary>
public static class BenchCommand
{
    private static int Number(string[] arguments, string name, int fallback) =>
        int.TryParse(CommandLineOptions.Value(arguments, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static async Task<int> RunAsync(string what, string[] arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        switch (what)
        {
            case "ingest":
                var corpus = arguments.FirstOrDefault() ?? IngestBenchmark.FindCorpus();
                if (corpus is null || !Directory.Exists(corpus))
                {
                    await output.WriteLineAsync("bench ingest: the real-world corpus was not found; pass its folder (…/shared/corpus/realworld).").ConfigureAwait(false);
                    return 2;
                }

                IngestBenchmark.Run(corpus, output);
                return 0;
            case "extract":
                var realworld = arguments.FirstOrDefault() ?? IngestBenchmark.FindCorpus();
                if (realworld is null || !Directory.Exists(realworld))
                {
                    await output.WriteLineAsync("bench extract: the shared folder was not found; pass the real-world corpus folder (…/shared/corpus/realworld).").ConfigureAwait(false);
                    return 2;
                }

                ExtractBenchmark.Run(Path.GetFullPath(Path.Combine(realworld, "..", "..")), output);
                return 0;
            case "match":
                MatchBenchmark.Run(output);
                return 0;
            case "telegram":
                await TelegramBenchmark.RunAsync(output, Number(arguments, "--alerts", 3_000), Number(arguments, "--chats", 300), Number(arguments, "--latency", 0)).ConfigureAwait(false);
                return 0;
            case "discord":
                await DiscordBenchmark.RunAsync(output, Number(arguments, "--alerts", 3_000), Number(arguments, "--chats", 300), Number(arguments, "--latency", 0)).ConfigureAwait(false);
                return 0;
            case "feeds":
                var extra = arguments.SkipWhile(a => a != "--").Skip(1).ToList();
                return await FeedsBenchmark.RunAsync(output, Number(arguments, "--feeds", 10_000), Number(arguments, "--steady", 60), extra).ConfigureAwait(false);
            case "papers":
                return await PapersBenchmark.RunAsync(output, Number(arguments, "--papers", 1_000)).ConfigureAwait(false);
            case "storage":
                return await StorageBenchmark.RunAsync(output, CommandLineOptions.Value(arguments, "--probe")).ConfigureAwait(false);
            case "polling":
                PollingBenchmark.Run(output, Number(arguments, "--feeds", 200), Number(arguments, "--seed", 7));
                return 0;
            default:
                await output.WriteLineAsync($"bench: unknown benchmark '{what}'. Available: ingest, extract, match, telegram, discord, polling, feeds, papers, storage.").ConfigureAwait(false);
                return 2;
        }
    }
}
