using Radar.Bot.Cluster;
using Radar.Feeds.Analysis;
using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Text;
using Radar.Storage.Stores;

namespace Radar.Bot.Knowledge;

/// <summary>
/// The knowledge the bot works with now: the seed synced into the database at start, plus what the
/// news reported. Confident moves are learnt (a reported step in the person's path, with the story)
/// and the matcher is rebuilt, so a person first seen in the news is recognised next time.
/// </summary>
public sealed partial class KnowledgeProvider(IServiceScopeFactory scopes, ChangeSignals signals, TimeProvider time, ILogger<KnowledgeProvider> logger)
{
    /// <summary>How the notes of a person or model first met in a story begin ("Seen in the news 2026-12-03: …"); /whois shows them so.</summary>
    public const string SeenInTheNews = "Seen in the news";

    /// <summary>Moves below this confidence are not learnt.</summary>
    public const double MinConfidenceToLearn = 0.7;

    private volatile StoryAnalyser _current = new(SeedKnowledge.Load());

    /// <summary>The analysis stage over the knowledge as it is now (replaced whole when something is learnt).</summary>
    public StoryAnalyser Current => _current;

    /// <summary>Syncs the seed into the database (idempotent) and loads everything known.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<KnowledgeStore>();
            await store.SyncSeedAsync([.. SeedKnowledge.Seed.Entities.Where(SeedKnowledge.IsStored)], time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Something was learnt here: reload here and tell the other instances.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        await signals.AnnounceAsync(ChangeSignals.Knowledge, cancellationToken).ConfigureAwait(false);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KnowledgeStore>().LoadAsync(cancellationToken).ConfigureAwait(false);
        var papers = await scope.ServiceProvider.GetRequiredService<PaperStore>().TrailsAsync(cancellationToken).ConfigureAwait(false);
        var entities = SeedKnowledge.Overlay(SeedKnowledge.Seed.Entities, stored, papers);
        _current = new StoryAnalyser(new KnowledgeBase(entities, SeedKnowledge.Seed.Families));
        var reported = entities.Sum(e => e.Affiliations.Count(a => a.Reported));
        LogLoaded(logger, entities.Count, reported);
    }

    /// <summary>
    /// Records the story's confident moves in the people's paths, and the people and models it
    /// taught (first seen in this story: "Seen in the news", with its headline, date and link, and
    /// any Arabic spelling); returns how many steps and names were new.
    /// </summary>
    public async Task<int> LearnAsync(KnowledgeStore store, long storyId, string? link, DateTimeOffset published, Extraction extraction, CancellationToken cancellationToken, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extraction);
        var knowledge = _current.Knowledge;
        var learnt = 0;
        var date = published.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var seen = $"{SeenInTheNews} {published:yyyy-MM-dd}{(title is null ? string.Empty : ": " + title)}";
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var move in extraction.Moves)
        {
            var talentEvent = extraction.Events.FirstOrDefault(e => e.Person == move.Person);
            if (talentEvent is null || talentEvent.Confidence < MinConfidenceToLearn)
            {
                continue;
            }

            var person = knowledge.Find(move.Person, EntityKind.Person) ?? NewEntity(EntityKind.Person, move.Person, extraction, link, seen);
            var step = move.To is { } to
                ? new Affiliation(to, knowledge.Find(to, EntityKind.Org)?.Id, talentEvent.Role, date, null, link, Reported: true)
                : new Affiliation(move.From!, knowledge.Find(move.From!, EntityKind.Org)?.Id, talentEvent.Role, null, date, link, Reported: true);
            learnt += await store.RecordMoveAsync(person, step, storyId, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        // A model first seen in a confident launch ("Microsoft unveils Phi-5"), with its maker and the month it was reported.
        foreach (var launch in extraction.Events.Where(e => e.Model is not null && e.Confidence >= MinConfidenceToLearn && knowledge.Find(e.Model, EntityKind.Model) is null))
        {
            var model = NewEntity(EntityKind.Model, launch.Model!, extraction, link, seen) with { Released = date };
            learnt += await store.RecordNewAsync(model, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return learnt;
    }

    /// <summary>A person or model the news named first: reported, with the story as its source and any spelling the article used.</summary>
    private static KnownEntity NewEntity(EntityKind kind, string name, Extraction extraction, string? link, string seen)
    {
        var known = extraction.New?.FirstOrDefault(n => n.Kind == kind && n.Name == name);
        return new KnownEntity
        {
            Id = kind.ToString().ToLowerInvariant() + ":" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded)),
            Kind = kind,
            Name = name,
            ArabicNames = known?.ArabicNames ?? [],
            MakerId = known?.MakerId,
            Reported = true,
            Source = link,
            Notes = seen,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge loaded: {Entities} people, organisations and models; {Reported} steps reported by the news")]
    private static partial void LogLoaded(ILogger logger, int entities, int reported);
}
