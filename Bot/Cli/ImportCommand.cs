using Radar.Feeds.Knowledge.Epoch;

namespace Radar.Bot.Cli;

/// <summary>
/// <c>import epoch --csv FILE [--out FILE]</c>: reads Epoch AI's Notable AI Models CSV and writes the
/// snapshot Radar ships (<c>Feeds/Knowledge/Data/epoch.json</c>), or prints it without <c>--out</c>.
/// The same CSV always gives the same file.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "usage: import epoch --csv FILE [--out FILE]   (FILE is Epoch AI's notable AI models CSV; --out Feeds/Knowledge/Data/epoch.json to update the shipped knowledge)";

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var csv = CommandLineOptions.Value(arguments, "--csv");
        if (arguments is not ["epoch", ..] || csv is null)
        {
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(csv))
        {
            await errors.WriteLineAsync($"import: {Path.GetFullPath(csv)} does not exist").ConfigureAwait(false);
            return 2;
        }

        List<EpochRow> rows;
        try
        {
            using var reader = new StreamReader(csv);
            rows = EpochCsvReader.Read(reader);
        }
        catch (Exception e) when (e is InvalidDataException or CsvHelper.CsvHelperException)
        {
            await errors.WriteLineAsync($"import: {csv}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        var snapshot = EpochImporter.Import(rows);
        var json = EpochImporter.Serialize(snapshot);
        var path = CommandLineOptions.Value(arguments, "--out");
        if (path is null)
        {
            await output.WriteAsync(json).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(path, json).ConfigureAwait(false);
        }

        var authors = snapshot.Models.SelectMany(m => m.Authors).Distinct(StringComparer.Ordinal).Count();
        await errors.WriteLineAsync($"import: {snapshot.Models.Count} models, {snapshot.Orgs.Count} organisations, {authors} authors{(path is null ? string.Empty : " → " + path)}").ConfigureAwait(false);
        return 0;
    }
}
