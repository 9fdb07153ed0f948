using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Feeds.Summaries;

/// <summary>
/// The structured headline of a story, rendered from its events in the reader's language (en, fr, ar):
/// "Guillaume Lample: Meta → Mistral AI (co-founder)", "Meta delays Llama 4 Behemoth".
/// </summary>
public sealed class Headline(KnowledgeBase knowledge)
{
    public const int MaxEvents = 2;

    /// <summary>The headline, or null when the story has no event to headline.</summary>
    public string? Render(IReadOnlyList<ExtractedEvent> events, string language)
    {
        ArgumentNullException.ThrowIfNull(events);
        var parts = events
            .OrderByDescending(e => e.Confidence)
            .DistinctBy(e => e.Person ?? e.Model)
            .Select(e => RenderOne(e, language))
            .OfType<string>()
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var shown = string.Join(" · ", parts.Take(MaxEvents));
        return parts.Count > MaxEvents ? $"{shown} · +{parts.Count - MaxEvents}" : shown;
    }

    private string? RenderOne(ExtractedEvent e, string language)
    {
        var person = Name(e.Person, language);
        var from = Name(e.From, language);
        var to = Name(e.To, language);
        var org = Name(e.Org, language);
        var model = e.Model; // model names stay as their makers write them
        var role = e.Role is null ? string.Empty : $" ({e.Role})";
        return (e.Type, language) switch
        {
            (EventKind.ModelDelay, "fr") => $"{org ?? "?"} reporte {model}",
            (EventKind.ModelDelay, "ar") => $"{org ?? "?"} تؤجل {model}",
            (EventKind.ModelDelay, _) => $"{org ?? "?"} delays {model}",
            (EventKind.ModelLaunch, "fr") => $"{org ?? "?"} lance {model}",
            (EventKind.ModelLaunch, "ar") => $"{org ?? "?"} تطلق {model}",
            (EventKind.ModelLaunch, _) => $"{org ?? "?"} launches {model}",
            (_, _) when person is null => null,
            (_, _) when from is not null && to is not null => $"{person}: {from} → {to}{role}",
            (EventKind.LeadershipChange, "fr") when from is not null => $"{person} quitte la direction chez {from}{role}",
            (EventKind.LeadershipChange, "ar") when from is not null => $"{person} يتنحى في {from}{role}",
            (EventKind.LeadershipChange, _) when from is not null => $"{person} steps down at {from}{role}",
            (_, "fr") when from is not null => $"{person} quitte {from}{role}",
            (_, "ar") when from is not null => $"{person} يغادر {from}{role}",
            (_, _) when from is not null => $"{person} leaves {from}{role}",
            (EventKind.Founding, "fr") when to is not null => $"{person} cofonde {to}{role}",
            (EventKind.Founding, "ar") when to is not null => $"{person} يؤسس {to}{role}",
            (EventKind.Founding, _) when to is not null => $"{person} co-founds {to}{role}",
            (_, "fr") when to is not null => $"{person} rejoint {to}{role}",
            (_, "ar") when to is not null => $"{person} ينضم إلى {to}{role}",
            (_, _) when to is not null => $"{person} joins {to}{role}",
            _ => null,
        };
    }

    /// <summary>
    /// A name in the reader's script: the knowledge base's Arabic spelling for Arabic readers, else the
    /// canonical one; an Arabic name nobody knows in Latin letters keeps its Arabic with a
    /// letter-by-letter transliteration beside it for other readers ("كريم نصار (Krim Nsar)").
    /// </summary>
    private string? Name(string? name, string language)
    {
        if (name is not null && language != "ar" && Text.MatchText.IsArabic(name))
        {
            return $"{name} ({string.Join(' ', Text.MatchText.Tokenize(name).Select(t => NameIndex.Transliterate(t.Folded)))})";
        }

        if (name is null || language != "ar")
        {
            return name;
        }

        return knowledge.Find(name) is { ArabicNames.Count: > 0 } entity ? entity.ArabicNames[0] : name;
    }
}
