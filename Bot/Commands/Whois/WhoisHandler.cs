using System.Globalization;
using Radar.Bot.Chat;
using Radar.Bot.Commands.Latest;
using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Epoch;
using Radar.Feeds.Papers;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Whois;

/// <summary>
/// <c>/whois &lt;name&gt;</c>: a person's path (current role and organisation, earlier steps with dates,
/// notes, spellings in every script, what the news reported, the last stories), an organisation's
/// founders and movements, a model's maker, date and status. Tolerant of case, accents, Arabic
/// script and typos; ambiguous names list candidates; unknown names get the closest.
/// </summary>
public sealed class WhoisHandler(KnowledgeProvider knowledge, StoryStore stories) : ICommandHandler
{
    public const int StoryCount = 3;

    /// <summary>How many papers of a paper trail, and how many spellings, a reply lists.</summary>
    public const int MaxPapers = 6;

    public const int MaxSpellings = 12;

    /// <summary>How many of a model's authors a reply names (LLaMA's 14 all fit).</summary>
    public const int MaxAuthors = 16;

    public string Name => "whois";

    public string Help => "/whois <name> — a person's path, an organisation or a model";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = string.Join(' ', request.Arguments.Concat(request.Options.Select(o => o.Key + ":" + o.Value))).Trim();
        if (!name.Any(char.IsLetter)) // empty, or "%00", "2024": no name is only digits and signs
        {
            return Reply.Error("Who? /whois Guillaume Lample");
        }

        var knowledgeBase = knowledge.Current.Knowledge;
        var lookup = knowledgeBase.Lookup(name, accept: NameAcceptance.OnlyCandidate);
        if (lookup.Entity is not { } entity)
        {
            return lookup.Ambiguous
                ? new Reply($"'{name}' could be several", [.. lookup.Suggestions.Select(c => $"{c.Name} ({Kind(c)}) — /whois {c.Name}")])
                : Reply.Error(lookup.Problem());
        }

        var lines = entity.Kind switch
        {
            EntityKind.Person => Person(entity, knowledgeBase),
            EntityKind.Org => Org(entity, knowledgeBase),
            _ => Model(entity, knowledgeBase),
        };
        var mentioning = await stories.LatestAsync(StoryCount, cancellationToken, name: entity.Kind == EntityKind.Org ? knowledgeBase.OutputOrg(entity).Name : entity.Name).ConfigureAwait(false);
        var threads = await stories.ThreadsAsync(mentioning, cancellationToken).ConfigureAwait(false);
        foreach (var story in mentioning)
        {
            lines.Add($"Story: {story.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(LatestHandler.TierMark(story) is { } mark ? " " + mark : string.Empty)} · {story.Title}{(story.Link is null ? string.Empty : " — " + story.Link)}");
            if (threads.GetValueOrDefault(story.Id) is { Count: > 0 } thread)
            {
                lines.Add("  ↳ thread: " + string.Join(" → ", thread.Select(LatestHandler.Link)) + " → this");
            }
        }
        var spellings = entity.Aliases.Concat(entity.ArabicNames).Distinct(StringComparer.Ordinal).Take(MaxSpellings).ToList();
        if (spellings.Count > 0)
        {
            lines.Add("Also written: " + string.Join(" · ", spellings));
        }

        if (entity.FromDataset)
        {
            lines.Add(EpochSnapshot.CreditLine);
        }

        if (entity.Appearances.Any(a => PaperReader.FromLivePaper(a.Model)))
        {
            lines.Add(PaperReader.CreditLine);
        }

        return new Reply($"{entity.Name} ({Kind(entity)}{(entity.Reported ? ", reported by the news" : string.Empty)})", lines);
    }

    private static List<string> Person(KnownEntity person, KnowledgeBase knowledgeBase)
    {
        var lines = new List<string>();
        var path = person.Affiliations
            .Select(a => knowledgeBase.Get(a.OrgId) is { } org ? knowledgeBase.OutputOrg(org).Name : SeedKnowledge.DisplayName(a.OrgName))
            .Aggregate(new List<string>(), (list, org) =>
            {
                if (list.Count == 0 || list[^1] != org)
                {
                    list.Add(org);
                }

                return list;
            });
        if (path.Count > 0)
        {
            lines.Add("Path: " + string.Join(" → ", path));
        }

        var current = person.Affiliations.LastOrDefault(a => a.To is null && !a.Reported) ?? person.Affiliations.LastOrDefault(a => a.To is null);
        if (current is not null)
        {
            lines.Add($"Now: {current.Role ?? "at"} {(current.Role is null ? string.Empty : "— ")}{current.OrgName}{Since(current)}");
        }

        foreach (var step in person.Affiliations.Where(a => a != current))
        {
            lines.Add($"{(step.Reported ? "Reported" : "Earlier")}: {step.OrgName}{Dates(step)}{(step.Role is null ? string.Empty : " — " + step.Role)}{(step.Source is null ? string.Empty : " [" + step.Source + "]")}");
        }

        if (person.Notes is not null)
        {
            lines.Add(SeenInTheNews(person) ?? "Notes: " + person.Notes);
        }

        lines.AddRange(PaperTrailLines(person, knowledgeBase, current is null));
        return lines;
    }

    /// <summary>
    /// What the author lists say, below the facts and the news: the moves they imply (marked
    /// inferred, with the papers as evidence), the latest papers, and where the person was last seen
    /// when nothing better is known.
    /// </summary>
    private static IEnumerable<string> PaperTrailLines(KnownEntity person, KnowledgeBase knowledgeBase, bool nothingBetter)
    {
        if (person.Appearances.Count == 0)
        {
            yield break;
        }

        if (nothingBetter && PaperTrail.Latest(person, knowledgeBase) is var (org, appearance))
        {
            yield return $"Last seen: {org.Name} ({Month(appearance.Date)}, author of {appearance.Model}) — from author lists";
        }

        foreach (var move in PaperTrail.InferMoves(person, knowledgeBase))
        {
            yield return $"Inferred: {knowledgeBase.Get(move.FromOrgId)?.Name} → {knowledgeBase.Get(move.ToOrgId)?.Name}, between {Month(move.Last.Date)} and {Month(move.First.Date)} " +
                         $"(author of {move.Last.Model}, then of {move.First.Model})";
        }

        var papers = person.Appearances.OrderByDescending(a => a.Date, StringComparer.Ordinal).ToList();
        yield return $"Papers ({papers.Count}): " + string.Join(" · ", papers.Take(MaxPapers).Select(a =>
            $"{a.Model} ({string.Join(", ", a.OrgIds.Select(id => knowledgeBase.Get(id)?.Name).OfType<string>())}, {Month(a.Date)})")) + (papers.Count > MaxPapers ? " · …" : string.Empty);
    }

    private static string Month(string date) => date.Length >= 7 ? date[..7] : date;

    private static List<string> Org(KnownEntity org, KnowledgeBase knowledgeBase)
    {
        var lines = new List<string>();
        if (knowledgeBase.Get(org.UnitOfId) is { } parent)
        {
            lines.Add("Part of: " + parent.Name);
        }

        if (knowledgeBase.Get(org.OwnedById) is { } owner)
        {
            lines.Add("Owned by: " + owner.Name);
        }

        if (org.OrgKind is not null || org.Country is not null)
        {
            lines.Add("Kind: " + string.Join(", ", new[] { org.OrgKind, org.Country }.OfType<string>()));
        }

        if (org.Founded is not null)
        {
            lines.Add("Founded: " + org.Founded);
        }

        if (org.Founders.Count > 0)
        {
            lines.Add("Founders: " + string.Join(", ", org.Founders));
        }

        var ids = knowledgeBase.Entities.Where(e => e.Id == org.Id || e.UnitOfId == org.Id).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var steps = knowledgeBase.Entities.Where(e => e.Kind == EntityKind.Person)
            .SelectMany(p => p.Affiliations.Where(a => a.OrgId is not null && ids.Contains(a.OrgId)).Select(a => (Person: p.Name, Step: a)))
            .ToList();
        var arrivals = steps.Where(s => s.Step.From is not null).OrderByDescending(s => s.Step.From, StringComparer.Ordinal).Take(5).Select(s => $"{s.Person} ({s.Step.From})").ToList();
        var departures = steps.Where(s => s.Step.To is not null).OrderByDescending(s => s.Step.To, StringComparer.Ordinal).Take(5).Select(s => $"{s.Person} ({s.Step.To})").ToList();
        if (arrivals.Count > 0)
        {
            lines.Add("Arrivals: " + string.Join(", ", arrivals));
        }

        if (departures.Count > 0)
        {
            lines.Add("Departures: " + string.Join(", ", departures));
        }

        if (org.Notes is not null)
        {
            lines.Add("Notes: " + org.Notes);
        }

        var made = knowledgeBase.Entities.Where(e => e.Kind == EntityKind.Model && (e.MakerIds.Contains(org.Id) || e.MakerId == org.Id))
            .OrderByDescending(m => m.Released ?? string.Empty, StringComparer.Ordinal).ToList();
        if (made.Count > 0)
        {
            lines.Add($"Models ({made.Count}): " + string.Join(", ", made.Take(MaxPapers).Select(m => m.Released is null ? m.Name : $"{m.Name} ({Month(m.Released)})")) + (made.Count > MaxPapers ? ", …" : string.Empty));
        }

        if (org.Source is not null)
        {
            lines.Add("Source: " + org.Source);
        }

        return lines;
    }

    private static List<string> Model(KnownEntity model, KnowledgeBase knowledgeBase)
    {
        var lines = new List<string>();
        var makers = model.MakerIds.Count > 0 ? model.MakerIds : model.MakerId is null ? [] : [model.MakerId];
        if (makers.Count > 0)
        {
            lines.Add("By: " + string.Join(", ", makers.Select(knowledgeBase.Get).OfType<KnownEntity>().Select(m => m.Name)));
        }

        if (model.Family is not null)
        {
            lines.Add("Family: " + model.Family);
        }

        if (model.Accessibility is not null)
        {
            lines.Add("Access: " + model.Accessibility);
        }

        if (model.Parameters is { } parameters)
        {
            lines.Add("Parameters: " + Parameters(parameters));
        }

        var authors = knowledgeBase.Authors[model.Name].DistinctBy(a => a.Id).ToList();
        if (authors.Count > 0)
        {
            lines.Add($"Authors ({authors.Count}): " + string.Join(", ", authors.Take(MaxAuthors).Select(a => a.Name)) + (authors.Count > MaxAuthors ? ", …" : string.Empty));
        }

        if (model.Released is not null)
        {
            lines.Add("Released: " + model.Released);
        }

        if (model.Status is not null)
        {
            lines.Add("Status: " + model.Status);
        }

        if (SeenInTheNews(model) is { } seen)
        {
            lines.Add(seen);
        }
        else if (model.Source is not null)
        {
            lines.Add("Source: " + model.Source);
        }

        return lines;
    }

    /// <summary>"Seen in the news 2026-12-03: Microsoft unveils Phi-5 — https://…": where a person or model the news taught Radar came from.</summary>
    private static string? SeenInTheNews(KnownEntity entity) =>
        entity.Reported && entity.Notes is { } notes && notes.StartsWith(KnowledgeProvider.SeenInTheNews, StringComparison.Ordinal)
            ? notes + (entity.Source is null ? string.Empty : " — " + entity.Source)
            : null;

    private static string Parameters(double count) => count switch
    {
        >= 1e12 => (count / 1e12).ToString("0.#", CultureInfo.InvariantCulture) + "T",
        >= 1e9 => (count / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (count / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        _ => count.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Kind(KnownEntity entity) => entity.Kind switch { EntityKind.Person => "person", EntityKind.Org => "organisation", _ => "model" };

    private static string Since(Affiliation step) => step.From is null ? string.Empty : " since " + step.From;

    private static string Dates(Affiliation step) => (step.From, step.To) switch
    {
        (null, null) => string.Empty,
        (var from, null) => $" ({from} –)",
        (null, var to) => $" (– {to})",
        var (from, to) => $" ({from} – {to})",
    };
}
