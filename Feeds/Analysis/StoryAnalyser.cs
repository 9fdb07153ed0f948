using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Summaries;
using Radar.Feeds.Text;

namespace Radar.Feeds.Analysis;

/// <summary>
/// The analysis stage: a pure function of one report and one version of the knowledge base. The
/// live pipeline and the <c>extract</c> command both call it, so they give the same answers.
/// </summary>
public sealed class StoryAnalyser(KnowledgeBase knowledge)
{
    private readonly EventExtractor _extractor = new(knowledge);
    private readonly StoryClusterer _clusterer = new(knowledge);

    public KnowledgeBase Knowledge => knowledge;

    /// <summary>Renders headlines in a reader's language (the alert's, not the report's).</summary>
    public Headline Headline { get; } = new(knowledge);

    public StoryAnalysis Analyse(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var extraction = _extractor.Extract(input.Title, input.Summary, input.Language);
        return new StoryAnalysis(
            extraction,
            Headline.Render(extraction.Events, extraction.Language),
            ExtractiveSummary.Create(input.Summary ?? string.Empty),
            _clusterer.Sign(input.Link, input.Title, extraction));
    }

    /// <summary>What subscriptions match against: topics, the ids of every entity named (and their parents), the words, the language.</summary>
    public StoryFacts Facts(Extraction.Extraction extraction, string title, string? summary)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> names, EntityKind kind)
        {
            foreach (var name in names)
            {
                var entity = knowledge.Find(name, kind);
                ids.Add(entity?.Id ?? kind.ToString().ToLowerInvariant() + ":" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded)));
                if (knowledge.Get(entity?.UnitOfId) is { } parent)
                {
                    ids.Add(parent.Id);
                }
            }
        }

        Add(extraction.People, EntityKind.Person);
        Add(extraction.Orgs, EntityKind.Org);
        Add(extraction.Models, EntityKind.Model);
        var text = title + " " + summary;
        return new StoryFacts(extraction.Topics.ToHashSet(), ids, MatchText.Tokenize(text), extraction.Language, text);
    }
}
