using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Knowledge;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Storage.Entities;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Latest;

/// <summary><c>/latest [topic] [org] [count ≤ 10]</c>: the most recent stories.</summary>
public sealed class LatestHandler(StoryStore stories, KnowledgeProvider knowledge) : ICommandHandler
{
    public const int MaxCount = 10;

    public string Name => "latest";

    public string Help => $"/latest [topic:talent|launches] [org:X] [count ≤ {MaxCount}] — the most recent stories";

    /// <summary>"2026-12-05 10:00 · Reuters · [reported] title — link", then the thread it continues, earliest first.</summary>
    public static string Line(StoryRecord story, IReadOnlyList<StoryLink>? thread = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        var line = $"{story.PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · {story.Source} · {(TierMark(story) is { } mark ? mark + " " : string.Empty)}{story.Title}{(story.Link is null ? string.Empty : " — " + story.Link)}";
        return thread is { Count: > 0 } ? line + "\n   ↳ thread: " + string.Join(" → ", thread.Select(Link)) + " → this" : line;
    }

    /// <summary>"[reported]" or "[denied]" for a story not confirmed; null for one that is.</summary>
    public static string? TierMark(StoryRecord story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return story.Tier == ClaimTier.Confirmed ? null : $"[{story.Tier.ToString().ToLowerInvariant()}]";
    }

    /// <summary>"Meta delays Llama 5 (2026-11-20)".</summary>
    public static string Link(StoryLink story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return $"{story.Title} ({story.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
    }

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? topic = request.Options.GetValueOrDefault("topic"), count = request.Options.GetValueOrDefault("count");
        foreach (var argument in request.Arguments)
        {
            if (TopicText.Choices.Contains(argument))
            {
                topic = argument;
            }
            else
            {
                count ??= argument;
            }
        }

        if (!int.TryParse(count ?? "5", NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxCount)
        {
            return Reply.Error($"count must be a whole number from 1 to {MaxCount}.");
        }

        Topic? choice = null;
        if (topic is not null && !TopicText.TryParseChoice(topic, out choice))
        {
            return Reply.Error("topic must be talent, launches or all.");
        }

        string? org = null;
        if (request.Options.GetValueOrDefault("org") is { } orgName)
        {
            var lookup = knowledge.Current.Knowledge.Lookup(orgName, EntityKind.Org);
            if (lookup.Entity is not { } found)
            {
                return Reply.Error(lookup.Problem("organisation"));
            }

            org = knowledge.Current.Knowledge.OutputOrg(found).Name;
        }

        var latest = await stories.LatestAsync(n, cancellationToken, choice, onTopic: topic is not null, org).ConfigureAwait(false);
        var threads = await stories.ThreadsAsync(latest, cancellationToken).ConfigureAwait(false);
        return latest.Count == 0
            ? new Reply("Latest stories", ["No stories yet: the feeds have not brought anything new."])
            : new Reply("Latest stories", [.. latest.Select(s => Line(s, threads.GetValueOrDefault(s.Id)))]);
    }
}
