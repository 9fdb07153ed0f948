using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Commands.Preview;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Text;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Subscribe;

/// <summary>
/// <c>/subscribe topic:&lt;talent|launches|all&gt; [org] [person] [model] [keyword] [lang] [exclude]
/// [pattern] [exclude-pattern] [ping] [notify] [confirmed] [papers] [digest] [quiet]</c>: names are resolved through the
/// knowledge base in any spelling (an unknown name gets suggestions instead of a filter that would
/// never match), patterns are checked before anything is stored, and the reply shows the latest
/// stored story the new subscription would have matched.
/// </summary>
public sealed class SubscribeHandler(ChannelContext context, ChannelStore channels, SubscriptionStore subscriptions, SubscriptionIndexProvider index, KnowledgeProvider knowledge, LastMatch lastMatch, TimeProvider time) : ICommandHandler
{
    public const int MaxKeywordLength = 100;

    /// <summary>Most excluded words and phrases per subscription.</summary>
    public const int MaxExcluded = 20;

    private static readonly string[] Known = ["topic", "org", "person", "model", "keyword", "lang", "exclude", "pattern", "exclude-pattern", "ping", "notify", "confirmed", "papers", "digest", "quiet"];

    public string Name => "subscribe";

    public string Help => "/subscribe topic:<talent|launches|all> [org:X] [person:X] [model:X] [keyword:X] [lang:" + ReaderLanguage.Choices + "] [exclude:X] [pattern:\"regex\"] [exclude-pattern:\"regex\"] [ping:@Role] [notify:off] [confirmed:only] [papers:on|off] [digest:HH:MM] [quiet:HH:MM-HH:MM] — alerts for this channel";

    public bool ChangesChannel => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every word must be understood: a bare topic first, then name:value options. Anything else
        // ("org=Meta", the second word of an unquoted "keyword:two words") refuses the whole command,
        // so that a subscription is never broader than what was asked.
        var bare = request.Options.ContainsKey("topic") ? request.Arguments : request.Arguments.Skip(1);
        if (bare.FirstOrDefault() is { } stray)
        {
            return Reply.Error($"I don't understand '{stray}'. Options are name:value, e.g. org:Meta; quote a value with spaces: keyword:\"two words\".");
        }

        var topic = (request.Options.GetValueOrDefault("topic") ?? (request.Arguments.Count > 0 ? request.Arguments[0] : null))?.ToLowerInvariant();
        if (!TopicText.TryParseChoice(topic, out var choice))
        {
            return Reply.Error("topic must be talent, launches or all, e.g. /subscribe topic:talent org:Meta");
        }

        var unknown = request.Options.Keys.Except(Known, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (unknown is not null)
        {
            return Reply.Error($"Unknown option {unknown}:. Options: {string.Join(", ", Known)}.");
        }

        var digest = request.Options.GetValueOrDefault("digest");
        if (digest is not null && !DeliverySchedule.TryParseTime(digest, out _))
        {
            return Reply.Error("digest is a local time, HH:MM: digest:08:00");
        }

        var quiet = request.Options.GetValueOrDefault("quiet");
        if (quiet is not null && !DeliverySchedule.TryParseQuietHours(quiet, out _, out _))
        {
            return Reply.Error("quiet is a span of local hours, HH:MM-HH:MM: quiet:22:00-07:00");
        }

        var resolved = new Dictionary<EntityKind, KnownEntity>();
        foreach (var (option, kind) in new[] { ("org", EntityKind.Org), ("person", EntityKind.Person), ("model", EntityKind.Model) })
        {
            if (request.Options.GetValueOrDefault(option) is not { } name)
            {
                continue;
            }

            var entity = Resolve(name, kind, out var error);
            if (entity is null)
            {
                return Reply.Error(error!);
            }

            resolved[kind] = entity;
        }

        var keyword = request.Options.GetValueOrDefault("keyword")?.Trim();
        if (keyword is { Length: 0 or > MaxKeywordLength })
        {
            return Reply.Error($"keyword must be 1 to {MaxKeywordLength} characters of plain text.");
        }

        var typedLanguage = request.Options.GetValueOrDefault("lang");
        var language = ReaderLanguage.Parse(typedLanguage);
        if (typedLanguage is not null && language is null)
        {
            return Reply.Error($"lang must be {ReaderLanguage.Listed}.");
        }

        var exclude = Excluded(request.Options.GetValueOrDefault("exclude"), out var excludeError);
        var pattern = Pattern(request.Options.GetValueOrDefault("pattern"), out var patternError);
        var excludePattern = Pattern(request.Options.GetValueOrDefault("exclude-pattern"), out var excludePatternError);
        var ping = PingRole(request, out var pingError);
        var notify = request.Options.GetValueOrDefault("notify")?.ToLowerInvariant();
        if ((excludeError ?? patternError ?? excludePatternError ?? pingError) is { } refused)
        {
            return Reply.Error(refused);
        }

        if (notify is not (null or "on" or "off"))
        {
            return Reply.Error("notify is on or off: notify:off sends this subscription's alerts silently.");
        }

        var confirmed = request.Options.GetValueOrDefault("confirmed")?.ToLowerInvariant();
        if (confirmed is not (null or "only" or "any"))
        {
            return Reply.Error("confirmed is only or any: confirmed:only waits until a story is confirmed, then alerts once.");
        }

        var papers = request.Options.GetValueOrDefault("papers")?.ToLowerInvariant();
        if (papers is not (null or "on" or "off"))
        {
            return Reply.Error("papers is on or off: papers:on adds the moves Radar infers from new papers' author affiliations (on by default with a person or org filter).");
        }

        var channel = await context.GetAsync(request, cancellationToken).ConfigureAwait(false);
        if (!channel.Active)
        {
            await channels.ReactivateAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        }

        var record = await subscriptions.AddAsync(
            new SubscriptionRecord
            {
                ChannelId = channel.Id,
                Topic = SubscriptionTopics.FromTopic(choice),
                Org = resolved.GetValueOrDefault(EntityKind.Org)?.Id,
                Person = resolved.GetValueOrDefault(EntityKind.Person)?.Id,
                Model = resolved.GetValueOrDefault(EntityKind.Model)?.Id,
                Keyword = keyword,
                SourceLanguage = language,
                Exclude = SubscriptionStore.JoinExclude(exclude),
                Pattern = pattern?.Source,
                ExcludePattern = excludePattern?.Source,
                PingRole = ping,
                Silent = notify == "off",
                ConfirmedOnly = confirmed == "only",
                Papers = papers is null ? null : papers == "on",
                Mode = digest is null ? DeliveryMode.Instant : DeliveryMode.Digest,
                DigestTime = digest,
                QuietHours = quiet,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            },
            cancellationToken).ConfigureAwait(false);
        await index.ChangedAsync(cancellationToken).ConfigureAwait(false);
        var filter = SubscriptionStore.Filter(record);
        var description = filter.Describe(id => knowledge.Current.Knowledge.Get(id)?.Name ?? id)
                          + (ping is null ? string.Empty : $" · pings <@&{ping}>")
                          + (notify == "off" ? " · silent" : string.Empty)
                          + (digest is null ? string.Empty : $" · digest at {digest} ({channel.TimeZone})")
                          + (quiet is null ? string.Empty : $" · quiet {quiet} ({channel.TimeZone})");
        var last = await lastMatch.FindAsync([filter with { ChannelId = channel.Id }], channel.Language, cancellationToken).ConfigureAwait(false);
        return new Reply(
            $"Subscribed #{record.Id.ToString(CultureInfo.InvariantCulture)}: {description}",
            [
                last is { } found ? $"Last match: {found.Headline} ({LastMatch.Ago(found.Story.PublishedAt, time.GetUtcNow())})" : "Last match: nothing yet among the latest stories.",
                channel.Active ? "Alerts will arrive here as stories break." : "This channel was inactive; it is active again.",
            ]);
    }

    /// <summary>The excluded words and phrases: repeated <c>exclude:</c> options, or one with commas.</summary>
    private static string[] Excluded(string? given, out string? error)
    {
        error = null;
        if (given is null)
        {
            return [];
        }

        var phrases = given.Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (phrases.Length == 0 || phrases.Length > MaxExcluded || phrases.Any(p => p.Length > MaxKeywordLength || MatchText.Tokenize(p).Count == 0))
        {
            error = $"exclude takes 1 to {MaxExcluded} words or quoted phrases of at most {MaxKeywordLength} characters, each with a letter or digit: exclude:rumour exclude:\"people familiar\"";
            return [];
        }

        return phrases;
    }

    private static TextPattern? Pattern(string? given, out string? error)
    {
        error = null;
        return given is null ? null : TextPattern.TryCreate(given, out error);
    }

    /// <summary>
    /// The role a subscription mentions: Discord servers only (the command already needs Manage
    /// Channels there), a role picked in the slash command or written <c>&lt;@&amp;id&gt;</c>; never
    /// the server's @everyone role, whose id is the server's.
    /// </summary>
    private static string? PingRole(CommandRequest request, out string? error)
    {
        error = null;
        if (request.Options.GetValueOrDefault("ping") is not { } given)
        {
            return null;
        }

        if (request.GuildId is null)
        {
            error = "ping: mentions a Discord role, so it works in a Discord server's channel only.";
            return null;
        }

        var id = given.Trim().TrimStart('<').TrimEnd('>').TrimStart('@', '&');
        if (id.Length is 0 or > 20 || !id.All(char.IsAsciiDigit))
        {
            error = "ping: takes a role: pick one in the ping option (type @ to choose). @everyone and @here are never pinged.";
            return null;
        }

        if (id == request.GuildId)
        {
            error = "Radar never pings @everyone; pick a role of your server instead.";
            return null;
        }

        return id;
    }

    private KnownEntity? Resolve(string name, EntityKind kind, out string? error)
    {
        var knowledgeBase = knowledge.Current.Knowledge;
        // A unique partial name ("Lample") is taken; a typo is not: the user confirms the spelling.
        var lookup = knowledgeBase.Lookup(name, kind, NameAcceptance.WholeWords);
        error = lookup.Entity is null ? lookup.Problem(NameLookup.Label(kind)) : null;
        return lookup.Entity is { } found && kind == EntityKind.Org ? knowledgeBase.OutputOrg(found) : lookup.Entity;
    }
}
