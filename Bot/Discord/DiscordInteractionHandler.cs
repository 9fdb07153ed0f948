using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Radar.Bot.Chat;
using Radar.Bot.Commands;
using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;

namespace Radar.Bot.Discord;

/// <summary>
/// Turns an interaction into our command layer and back: a slash command becomes a
/// <see cref="CommandRequest"/> (the member's permissions re-checked: Manage Channels or
/// Administrator), answered at once when the work is quick and deferred otherwise; autocomplete is
/// answered from the knowledge base (at most 25 choices). Errors are ephemeral.
/// </summary>
public sealed class DiscordInteractionHandler(CommandDispatcher commands, KnowledgeProvider knowledge, IOptions<DiscordOptions> options, TimeProvider time)
{
    public const int Pong = 1;
    public const int Message = 4;
    public const int Deferred = 5;
    public const int Choices = 8;
    public const int Ephemeral = 1 << 6;

    /// <summary>The callback body for the interaction, and, when deferred, the work whose reply edits the original response.</summary>
    public async Task<(JsonObject Callback, Task<Reply>? Later)> HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        switch (interaction.GetProperty("type").GetInt32())
        {
            case 1:
                return (new JsonObject { ["type"] = Pong }, null);
            case 4:
                return (Autocomplete(interaction), null);
            case 2:
                var work = commands.DispatchAsync(Request(interaction), cancellationToken);
                var deferAfter = options.Value.DeferAfter;
                var quick = deferAfter > TimeSpan.Zero && await Task.WhenAny(work, Task.Delay(deferAfter, time, cancellationToken)).ConfigureAwait(false) == work;
                if (quick && (await work.ConfigureAwait(false)).Image is not null)
                {
                    quick = false; // a picture is uploaded with the edit of a deferred response (multipart), never in the callback
                }

                return quick
                    ? (new JsonObject { ["type"] = Message, ["data"] = ReplyData(await work.ConfigureAwait(false)) }, null)
                    : (new JsonObject { ["type"] = Deferred, ["data"] = new JsonObject() }, work);
            default:
                return (new JsonObject { ["type"] = Message, ["data"] = ReplyData(Reply.Error("This kind of interaction is not supported.")) }, null);
        }
    }

    /// <summary>An embed reply; errors only the asker sees.</summary>
    public static JsonObject ReplyData(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var data = JsonSerializer.SerializeToNode(DiscordFormatter.Reply(reply))!.AsObject();
        if (reply.Ephemeral)
        {
            data["flags"] = Ephemeral;
        }

        return data;
    }

    private static CommandRequest Request(JsonElement interaction)
    {
        var data = interaction.GetProperty("data");
        var name = data.GetProperty("name").GetString()!;
        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (data.TryGetProperty("options", out var given))
        {
            foreach (var option in given.EnumerateArray())
            {
                var key = option.GetProperty("name").GetString()!;
                var value = option.GetProperty("value").ToString();
                if (DiscordCommands.IsPositional(name, key))
                {
                    arguments.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
                else
                {
                    options[key] = value;
                }
            }
        }

        var member = interaction.TryGetProperty("member", out var m) ? m : (JsonElement?)null;
        var user = member?.GetProperty("user") ?? interaction.GetProperty("user");

        // A DM is the user's own; in a server, the member's permissions in this channel decide.
        var canManage = member is null ||
                        (ulong.TryParse(member.Value.GetProperty("permissions").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var permissions) &&
                         (permissions & (DiscordCommands.ManageChannels | DiscordCommands.Administrator)) != 0);
        return new CommandRequest(DiscordPlatform.PlatformName, interaction.GetProperty("channel_id").GetString()!, user.GetProperty("id").GetString()!, canManage, name, arguments, options)
        {
            GuildId = interaction.TryGetProperty("guild_id", out var guild) ? guild.GetString() : null,
        };
    }

    private JsonObject Autocomplete(JsonElement interaction)
    {
        var focused = interaction.GetProperty("data").GetProperty("options").EnumerateArray().FirstOrDefault(o => o.TryGetProperty("focused", out var f) && f.GetBoolean());
        var option = focused.ValueKind == JsonValueKind.Undefined ? string.Empty : focused.GetProperty("name").GetString()!;
        var typed = focused.ValueKind == JsonValueKind.Undefined ? string.Empty : focused.GetProperty("value").ToString();
        EntityKind? kind = option switch { "org" => EntityKind.Org, "person" => EntityKind.Person, "model" => EntityKind.Model, _ => null };
        var knowledgeBase = knowledge.Current.Knowledge;
        var names = typed.Trim().Length == 0
            ? knowledgeBase.Entities.Where(e => kind is null || e.Kind == kind).Select(e => e.Name).Order(StringComparer.Ordinal)
            : knowledgeBase.Suggest(typed, kind, 25).Select(e => e.Name);
        return new JsonObject
        {
            ["type"] = Choices,
            ["data"] = new JsonObject { ["choices"] = new JsonArray([.. names.Distinct().Take(25).Select(n => (JsonNode)new JsonObject { ["name"] = n.Length > 100 ? n[..100] : n, ["value"] = n.Length > 100 ? n[..100] : n })]) },
        };
    }
}
