using System.Text.Json;

namespace Radar.Feeds.Papers;

/// <summary>
/// Reads an OpenAlex work (<c>GET /works/doi:10.48550/arXiv.{id}</c>): its title, publication date
/// and <c>authorships[]</c> — each author's <c>display_name</c> and <c>orcid</c>, the
/// <c>institutions[]</c> (<c>display_name</c>, <c>ror</c>, <c>country_code</c>) and the
/// <c>raw_affiliation_strings</c>. ORCID and ROR ids are kept bare ("0000-0002-1825-0097", "02xyz1234").
/// A body that is not such a work is a <see cref="FormatException"/> with the reason.
/// </summary>
public static class OpenAlexWork
{
    public static PaperWork Parse(byte[] json, string arxivId, string fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("authorships", out var authorships) || authorships.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not an OpenAlex work: no authorships");
            }

            var authors = authorships.EnumerateArray().Select(Author).OfType<PaperAuthor>().ToList();
            var title = Text(root, "title") ?? Text(root, "display_name") ?? string.Empty;
            var date = Text(root, "publication_date") is { Length: 10 } published ? published : fallbackDate;
            return new PaperWork(arxivId, title, date, authors);
        }
        catch (JsonException e)
        {
            throw new FormatException("not JSON: " + e.Message, e);
        }
    }

    private static PaperAuthor? Author(JsonElement authorship)
    {
        if (authorship.ValueKind != JsonValueKind.Object || !authorship.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = Text(author, "display_name") ?? Text(authorship, "raw_author_name");
        if (name is null)
        {
            return null;
        }

        var institutions = Array(authorship, "institutions")
            .Select(i => Text(i, "display_name") is { } display ? new PaperInstitution(display, Bare(Text(i, "ror"), "ror.org/"), Text(i, "country_code")) : null)
            .OfType<PaperInstitution>()
            .ToList();
        var raw = Array(authorship, "raw_affiliation_strings").Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList();
        return new PaperAuthor(name, Bare(Text(author, "orcid"), "orcid.org/"), institutions, raw);
    }

    /// <summary>"https://orcid.org/0000-0002-1825-0097" as "0000-0002-1825-0097".</summary>
    private static string? Bare(string? id, string host)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var at = id.IndexOf(host, StringComparison.OrdinalIgnoreCase);
        var bare = (at < 0 ? id : id[(at + host.Length)..]).Trim().Trim('/');
        return bare.Length == 0 ? null : bare.ToLowerInvariant();
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : null;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
