using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Summaries;
using Radar.Feeds.Text;

namespace Radar.Bot.Knowledge;

/// <summary>One version of the knowledge base and the parts built on it.</summary>
public sealed record KnowledgeRuntime(KnowledgeBase Knowledge, EventExtractor Extractor, StoryClusterer Clusterer, Headline Headline)
{
    public static KnowledgeRuntime Create(KnowledgeBase knowledge) =>
        new(knowledge, new EventExtractor(knowledge), new StoryClusterer(knowledge), new Headline(knowledge));

    /// <summary>What subscriptions match against: topics, the ids of every entity named, the words, the language.</summary>
    public StoryFacts Facts(Extraction extraction, string title, string summary)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> names, EntityKind kind)
        {
            foreach (var name in names)
            {
                var entity = Knowledge.Find(name, kind);
                ids.Add(entity?.Id ?? kind.ToString().ToLowerInvariant() + ":" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded)));
                if (Knowledge.Get(entity?.UnitOfId) is { } parent)
                {
                    ids.Add(parent.Id);
                }
            }
        }

        Add(extraction.People, EntityKind.Person);
        Add(extraction.Orgs, EntityKind.Org);
        Add(extraction.Models, EntityKind.Model);
        return new StoryFacts(extraction.Topics.ToHashSet(StringComparer.Ordinal), ids, MatchText.Tokenize(title + " " + summary), extraction.Language);
    }
}
