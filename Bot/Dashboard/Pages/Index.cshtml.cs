using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Radar.Bot.Knowledge;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard.Pages;

/// <summary><c>/</c>: the latest stories, filtered by topic, organisation, person, model and language (names in any spelling).</summary>
public sealed class IndexModel(StoryStore stories, KnowledgeProvider knowledge) : PageModel
{
    public const int Count = 50;

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Model { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    /// <summary>Filters that named nobody Radar knows, to say so instead of showing nothing silently.</summary>
    public List<string> Unknown { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
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
        var language = Lang is "en" or "fr" or "ar" ? Lang : null;
        var found = await stories.LatestAsync(Count, cancellationToken, topic, onTopic: false, language: language, alsoNamed: names).ConfigureAwait(false);
        var sources = await stories.SourcesAsync([.. found.Select(s => s.Id)], cancellationToken).ConfigureAwait(false);
        var threads = await stories.ThreadsAsync(found, cancellationToken).ConfigureAwait(false);
        Stories = [.. found.Select(s => StoryView.From(s, analyser.Headline, sources, threads))];
    }
}
