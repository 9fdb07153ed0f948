using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Summaries;

namespace Radar.Bot.Knowledge;

/// <summary>One version of the knowledge base and the parts built on it.</summary>
public sealed record KnowledgeRuntime(KnowledgeBase Knowledge, EventExtractor Extractor, StoryClusterer Clusterer, Headline Headline)
{
    public static KnowledgeRuntime Create(KnowledgeBase knowledge) =>
        new(knowledge, new EventExtractor(knowledge), new StoryClusterer(knowledge), new Headline(knowledge));
}
