using System.Text.Json.Nodes;
using Radar.Bot.Commands;
using Radar.Feeds.Extraction;
using Radar.Feeds.Text;

namespace Radar.Bot.Discord;

/// <summary>
/// The neutral command set as Discord slash commands: typed options, autocomplete for names, and
/// Manage Channels as the default permission of the commands that change a channel.
/// </summary>
public static class DiscordCommands
{
    public const ulong ManageChannels = 1 << 4;
    public const ulong Administrator = 1 << 3;

    private const int String = 3;
    private const int Integer = 4;
    private const int Role = 8;

    /// <summary>Options per command: (name, type, required, autocomplete, choices, positional).</summary>
    private static readonly Dictionary<string, Option[]> Options = new(StringComparer.Ordinal)
    {
        ["subscribe"] =
        [
            new("topic", String, Required: true, Choices: TopicText.Choices),
            new("org", String, Autocomplete: true), new("person", String, Autocomplete: true), new("model", String, Autocomplete: true),
            new("keyword", String), new("lang", String, Choices: [.. ReaderLanguage.All]),
            new("exclude", String), new("pattern", String), new("exclude-pattern", String), new("ping", Role), new("notify", String, Choices: ["on", "off"]), new("confirmed", String, Choices: ["only", "any"]), new("papers", String, Choices: ["on", "off"]),
            new("digest", String), new("quiet", String),
        ],
        ["style"] = [new("style", String, Required: true, Choices: ["full", "compact", "headline"], Positional: true)],
        ["unsubscribe"] = [new("id", String, Required: true, Positional: true)],
        ["whois"] = [new("name", String, Required: true, Autocomplete: true, Positional: true)],
        ["flows"] = [new("org", String, Required: true, Autocomplete: true), new("since", String)],
        ["team"] = [new("model", String, Required: true, Autocomplete: true, Positional: true)],
        ["latest"] = [new("topic", String, Choices: TopicText.Choices), new("org", String, Autocomplete: true), new("count", Integer)],
        ["search"] = [new("text", String, Required: true, Positional: true)],
        ["language"] = [new("lang", String, Required: true, Choices: [.. ReaderLanguage.All])],
        ["timezone"] = [new("zone", String, Required: true, Positional: true)],
        ["feeds"] = [new("action", String, Choices: ["add", "remove", "export"], Positional: true), new("value", String, Positional: true)],
    };

    /// <summary>The bulk-overwrite body: one slash command per handler.</summary>
    public static JsonArray Build(IEnumerable<ICommandHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var commands = new JsonArray();
        foreach (var handler in handlers.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            var command = new JsonObject
            {
                ["name"] = handler.Name,
                ["type"] = 1,
                ["description"] = Describe(handler.Help),
                ["options"] = new JsonArray([.. Options.GetValueOrDefault(handler.Name, []).Select(o => (JsonNode)o.ToJson())]),
                ["default_member_permissions"] = handler.ChangesChannel ? ManageChannels.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            };
            commands.Add(command);
        }

        return commands;
    }

    /// <summary>Whether an option's value goes to the handler as words (whois name) rather than key:value.</summary>
    public static bool IsPositional(string command, string option) =>
        Options.GetValueOrDefault(command, []).Any(o => o.Name == option && o.Positional);

    private static string Describe(string help)
    {
        var dash = help.IndexOf(" — ", StringComparison.Ordinal);
        var text = dash < 0 ? help : help[(dash + 3)..];
        return text.Length > 100 ? text[..99] + "…" : text;
    }

    private sealed record Option(string Name, int Type, bool Required = false, bool Autocomplete = false, string[]? Choices = null, bool Positional = false)
    {
        public JsonObject ToJson()
        {
            var json = new JsonObject { ["type"] = Type, ["name"] = Name, ["description"] = Name, ["required"] = Required };
            if (Autocomplete)
            {
                json["autocomplete"] = true;
            }

            if (Choices is not null)
            {
                json["choices"] = new JsonArray([.. Choices.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })]);
            }

            if (Type == Integer)
            {
                json["min_value"] = 1;
                json["max_value"] = 10;
            }

            return json;
        }
    }
}
