using Radar.Feeds.Clustering;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Matching;
using Radar.Feeds.Papers;
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
        var extraction = Tiers(_extractor.Extract(input.Title, input.Summary, input.Language), input);
        return new StoryAnalysis(
            extraction,
            Headline.Render(extraction.Events, extraction.Language),
            ExtractiveSummary.Create(input.Summary ?? string.Empty),
            _clusterer.Sign(input.Link, input.Title, extraction));
    }

    /// <summary>
    /// A move read from a paper as a story of its own (tier <see cref="ClaimTier.Inferred"/>): the
    /// person joining the paper's organisation from their latest one, signed so that a later news
    /// report of the same move joins it.
    /// </summary>
    public StoryAnalysis FromPaper(PaperMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var evidence = $"{PaperReader.TrailName(move.ArxivId)} ({move.Date}): {move.PaperTitle}";
        var hire = new ExtractedEvent(EventKind.Hire, move.Person, move.From, move.To, null, null, move.To, PaperConfidence, evidence, "the author's affiliation on a new paper (OpenAlex)") { Tier = ClaimTier.Inferred };
        var extraction = new Extraction.Extraction("en", [Topic.Talent], [hire], [move.Person], [move.From, move.To], [], [new Move(move.Person, move.From, move.To)]) { Tier = ClaimTier.Inferred };
        return new StoryAnalysis(extraction, Headline.Render(extraction.Events, "en"), evidence, _clusterer.Sign(PaperReader.Link(move.ArxivId), move.Title, extraction));
    }

    /// <summary>The keys that make a report the same event as another (see <see cref="StoryClusterer"/>): the same person with an overlapping organisation, the same model.</summary>
    public IReadOnlyCollection<string> EventKeys(Extraction.Extraction extraction) => _clusterer.Sign(null, string.Empty, extraction).EventKeys;

    /// <summary>How sure a move read from one paper is: below what the news must reach to be learnt as a step of someone's path.</summary>
    public const double PaperConfidence = 0.6;

    /// <summary>The beginnings of the event keys of the earlier stories this one may follow.</summary>
    public IReadOnlyList<string> ThreadKeys(Extraction.Extraction extraction) => _clusterer.ThreadKeys(extraction);

    /// <summary>
    /// Each claim's tier: the marks of its own sentence, else those of the title or the lede, else
    /// confirmed (stated as fact); an official feed confirms whatever it does not deny. A denial's
    /// claims are read from the text without its denial, so that it joins the story it denies.
    /// </summary>
    private Extraction.Extraction Tiers(Extraction.Extraction extraction, AnalysisInput input)
    {
        var lede = ExtractiveSummary.FirstSentence(input.Summary ?? string.Empty);
        var language = extraction.Language;
        var item = ClaimReader.TierOf(input.Title, language) ?? ClaimReader.TierOf(lede, language);
        ClaimTier Tier(string? sentence) => (ClaimReader.TierOf(sentence, language) ?? item ?? ClaimTier.Confirmed) switch
        {
            ClaimTier.Reported when input.Official is not null => ClaimTier.Confirmed,
            var tier => tier,
        };

        var events = extraction.Events.Select(e => e with { Tier = Tier(e.Evidence) }).ToList();
        IReadOnlyList<ExtractedEvent>? denied = null;
        if (item == ClaimTier.Denied && events.Count == 0)
        {
            var title = ClaimReader.WithoutDenial(input.Title, language) ?? input.Title;
            var summary = lede.Length > 0 ? ClaimReader.WithoutDenial(lede, language) : null;
            denied = [.. _extractor.Extract(title, summary, language).Events.Select(e => e with { Tier = ClaimTier.Denied })];
        }

        return extraction with
        {
            Events = events,
            Tier = events.Count > 0 ? events[0].Tier : Tier(null),
            ConfirmedBy = input.Official,
            Denied = denied is { Count: > 0 } ? denied : null,
        };
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
