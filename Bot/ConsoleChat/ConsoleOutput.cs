using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Feeds.Extraction;

namespace Radar.Bot.ConsoleChat;

/// <summary>
/// Everything the console platform prints, and nothing else, goes to standard output (logs go to
/// standard error), as readable blocks or as one JSON object per line.
/// </summary>
public sealed class ConsoleOutput(TextWriter writer, IOptions<ConsoleOptions> options, IOptions<Storage.StorageOptions> storage)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();

    private bool IsJson => options.Value.Format == "json";

    public void WriteAlert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (IsJson)
        {
            Write(JsonSerializer.Serialize(
                new
                {
                    type = "alert",
                    channel = alert.ChannelExternalId,
                    story = alert.StoryId.ToString(CultureInfo.InvariantCulture),
                    headline = alert.Headline ?? alert.Title,
                    title = alert.Title,
                    links = alert.Links,
                    topics = alert.Topics.Select(TopicText.Name),
                    people = alert.People,
                    orgs = alert.Orgs,
                    models = alert.Models,
                    source = alert.Source,
                    published = alert.Published,
                    matched = alert.Matched,
                    tier = alert.Tier,
                    tierNote = alert.TierNote,
                    follows = alert.Follows,
                },
                Json));
            return;
        }

        var block = new StringBuilder();
        var label = alert.ChannelExternalId == ConsolePlatform.ChannelId ? string.Empty : $"[#{alert.ChannelExternalId}] ";
        block.AppendLine("┏━ " + label + (alert.Headline ?? alert.Title));
        if (alert.Headline is not null)
        {
            block.AppendLine("┃  " + alert.Title);
        }

        foreach (var note in new[] { alert.TierNote, alert.Follows }.OfType<string>())
        {
            block.AppendLine("┃  " + note);
        }

        block.AppendLine("┃  " + alert.Source + " · " + alert.Published.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (alert.Link is not null)
        {
            block.AppendLine("┃  " + alert.Link);
        }

        if (alert.AlsoReportedBy() is { } also)
        {
            block.AppendLine("┃  " + also);
        }

        if (alert.Summary.Length > 0)
        {
            foreach (var line in alert.Summary.Split('\n'))
            {
                block.AppendLine("┃  " + line);
            }
        }

        var tags = alert.Topics.Select(t => "#" + TopicText.Name(t)).Concat(alert.People).Concat(alert.Orgs).Concat(alert.Models).ToList();
        if (tags.Count > 0)
        {
            block.AppendLine("┃  " + string.Join(" · ", tags));
        }

        block.Append("┗━ story " + alert.StoryId + (alert.Matched is null ? string.Empty : " · matched " + alert.Matched));
        Write(block.ToString());
    }

    /// <summary>A message for the owners (a feed broke or recovered).</summary>
    public void WriteNotice(string text)
    {
        Write(IsJson ? JsonSerializer.Serialize(new { type = "notice", text }, Json) : "⚠ " + text);
    }

    /// <summary>A living alert's update: the console cannot rewrite what it printed, so it prints what changed.</summary>
    public void WriteEdit(string messageId, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (IsJson)
        {
            Write(JsonSerializer.Serialize(new { type = "edit", channel = alert.ChannelExternalId, story = alert.StoryId.ToString(CultureInfo.InvariantCulture), message = messageId, links = alert.Links, tier = alert.Tier, tierNote = alert.TierNote }, Json));
            return;
        }

        var label = alert.ChannelExternalId == ConsolePlatform.ChannelId ? string.Empty : $"[#{alert.ChannelExternalId}] ";
        var changes = new[] { alert.TierNote, alert.AlsoReportedBy() }.OfType<string>().DefaultIfEmpty("updated");
        Write($"✎ {label}story {alert.StoryId}: {alert.Headline ?? alert.Title} — {string.Join(" · ", changes)}");
    }

    public void WriteReply(string command, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var lines = reply.Lines.Concat(reply.Fields.Select(f => $"{f.Name}: {f.Value}")).Concat(new[] { reply.Url, reply.Footer }.OfType<string>()).ToList();
        var image = reply.Image is { } picture ? SaveImage(picture) : null;
        if (IsJson)
        {
            Write(JsonSerializer.Serialize(new { type = "reply", command, error = reply.IsError, text = reply.Title + "\n" + string.Join('\n', lines), image }, Json));
            return;
        }

        if (image is not null)
        {
            lines.Add("image: " + image);
        }

        Write((reply.IsError ? "✖ " : "» ") + reply.Title + (lines.Count > 0 ? "\n   " + string.Join("\n   ", lines) : string.Empty));
    }

    /// <summary>
    /// Where the console leaves the pictures of its replies: <c>images/</c> beside the SQLite database
    /// (so <c>data/images/</c> by default), else <c>data/images/</c> under the working directory.
    /// </summary>
    public string ImageFolder =>
        (storage.Value.Provider == Storage.StorageProvider.Sqlite ? Storage.SqliteInstanceLock.DatabasePath(storage.Value.ConnectionString) : null) is { } database
            ? Path.Combine(Path.GetDirectoryName(database)!, "images")
            : Path.GetFullPath(Path.Combine("data", "images"));

    /// <summary>Writes the picture under <see cref="ImageFolder"/> (a new name each time) and returns its full path.</summary>
    private string SaveImage(ReplyImage image)
    {
        var folder = Directory.CreateDirectory(ImageFolder);
        var path = Path.Combine(folder.FullName, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Path.GetFileName(image.FileName)}");
        File.WriteAllBytes(path, image.Png);
        return path;
    }

    private void Write(string text)
    {
        lock (_gate)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
