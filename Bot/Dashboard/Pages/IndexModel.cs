using Radar.Bot.Knowledge;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary><c>/</c>: the latest stories, filtered by topic, organisation, person, model and language (names in any spelling).</summary>
public sealed class IndexModel
{
    public const int Count = 50;

    public string? Topic { get; init; }

    public string? Org { get; init; }

    public string? Person { get; init; }

    public string? Model { get; init; }

    public string? Lang { get; init; }

    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    /// <summary>Filters that named nobody Radar knows, to say so instead of showing nothing silently.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>The filters as the query string gives them (<c>?topic=&amp;org=&amp;person=&amp;model=&amp;lang=</c>).</summary>
    public static IndexModel FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new IndexModel { Topic = query["topic"], Org = query["org"], Person = query["person"], Model = query["model"], Lang = query["lang"] };
    }

    public async Task LoadAsync(StoryStore stories, KnowledgeProvider knowledge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(knowledge);
        var analyser = knowledge.Current;
        var names = new List<string>();
        foreach (var (value, kind) in new[] { (Org, EntityKind.Org), (Person, EntityKind.Person), (Model, EntityKind.Model) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (analyser.Knowledge.Find(value, kind) is { } entity)
            {
                names.Add(kind == EntityKind.Org ? analyser.Knowledge.OutputOrg(entity).Name : entity.Name);
            }
            else
            {
                Unknown.Add(value);
            }
        }

        if (Unknown.Count > 0)
        {
            return;
        }

        var topic = TopicText.TryParseChoice(Topic, out var chosen) ? chosen : null;
        var language = ReaderLanguage.Parse(Lang);
        var found = await stories.LatestAsync(Count, cancellationToken, topic, onTopic: false, language: language, alsoNamed: names).ConfigureAwait(false);
        var sources = await stories.SourcesAsync([.. found.Select(s => s.Id)], cancellationToken).ConfigureAwait(false);
        var threads = await stories.ThreadsAsync(found, cancellationToken).ConfigureAwait(false);
        Stories = [.. found.Select(s => StoryView.From(s, analyser.Headline, sources, threads))];
    }
}
