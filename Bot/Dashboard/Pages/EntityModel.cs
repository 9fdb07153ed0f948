using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Flows;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary>
/// <c>/people/{name}</c>, <c>/orgs/{name}</c>, <c>/models/{name}</c>: a timeline with its sources
/// (facts, news, inferred), an organisation's flows chart, a model's authors and where they are now.
/// Names resolve in any spelling, as in /whois; an unknown name gets a 404 with suggestions.
/// </summary>
public sealed class EntityModel(KnowledgeProvider knowledge)
{
    public KnownEntity? Entity { get; private set; }

    public string Kind { get; private set; } = "people";

    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<KnownEntity> Suggestions { get; private set; } = [];

    public IReadOnlyList<OrgMove> Moves { get; private set; } = [];

    public IReadOnlyList<InferredMove> Inferred { get; private set; } = [];

    public IReadOnlyList<TeamMember> TeamNow { get; private set; } = [];

    public IReadOnlyList<KnownEntity> ModelsMade { get; private set; } = [];

    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    public KnowledgeBase Knowledge => knowledge.Current.Knowledge;

    /// <summary>Finds <paramref name="name"/> among the <paramref name="kind"/> ("people", "orgs" or "models") and gathers its page; <see cref="Entity"/> stays null when nobody is known by that name.</summary>
    public async Task LoadAsync(string kind, string name, StoryStore stories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stories);
        (Kind, Query) = (kind, name);
        var entityKind = kind switch { "orgs" => EntityKind.Org, "models" => EntityKind.Model, _ => EntityKind.Person };
        var knowledgeBase = Knowledge;
        var lookup = knowledgeBase.Lookup(name, entityKind, max: 6);
        Entity = lookup.Entity;
        if (Entity is null)
        {
            Suggestions = lookup.Suggestions;
            return;
        }

        if (entityKind == EntityKind.Org)
        {
            Entity = knowledgeBase.OutputOrg(Entity);
            Moves = TalentFlows.For(knowledgeBase, Entity);
            var root = knowledgeBase.Root(Entity).Id;
            ModelsMade = [.. knowledgeBase.Entities.Where(e => e.Kind == EntityKind.Model && e.MakerIds.Append(e.MakerId).Select(knowledgeBase.Get).OfType<KnownEntity>().Any(m => knowledgeBase.Root(m).Id == root))
                .OrderByDescending(e => e.Released, StringComparer.Ordinal).Take(30)];
        }
        else if (entityKind == EntityKind.Person)
        {
            Inferred = PaperTrail.InferMoves(Entity, knowledgeBase);
        }
        else
        {
            TeamNow = Team.Of(knowledgeBase, Entity);
        }

        var found = await stories.LatestAsync(10, cancellationToken, name: Entity.Name).ConfigureAwait(false);
        var sources = await stories.SourcesAsync([.. found.Select(s => s.Id)], cancellationToken).ConfigureAwait(false);
        var threads = await stories.ThreadsAsync(found, cancellationToken).ConfigureAwait(false);
        Stories = [.. found.Select(s => StoryView.From(s, knowledge.Current.Headline, sources, threads))];
    }

    /// <summary>The page of an organisation known by id, or null.</summary>
    public string? OrgLink(string? orgId) => Knowledge.Get(orgId) is { } org ? "/orgs/" + Uri.EscapeDataString(Knowledge.OutputOrg(org).Name) : null;

    public static bool IsWebLink(string? text) => text is not null && (text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal));
}
