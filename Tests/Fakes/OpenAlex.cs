using System.Text.Json;

namespace Radar.Tests.Fakes;

/// <summary>Builds OpenAlex work records (<c>GET /works/doi:10.48550/arXiv.{id}</c>) in the documented shape, for tests.</summary>
public static class OpenAlex
{
    public sealed record Institution(string Name, string? Ror = null, string Country = "US");

    public sealed record Author(string Name, string? Orcid = null, Institution[]? Institutions = null, string[]? Raw = null);

    public static string Work(string arxivId, string title, string date, params Author[] authors) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "https://openalex.org/W" + Math.Abs(arxivId.GetHashCode(StringComparison.Ordinal)),
            ["doi"] = "https://doi.org/10.48550/arxiv." + arxivId,
            ["title"] = title,
            ["display_name"] = title,
            ["publication_year"] = int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture),
            ["publication_date"] = date,
            ["type"] = "preprint",
            ["primary_location"] = new { landing_page_url = "https://arxiv.org/abs/" + arxivId, source = new { display_name = "arXiv (Cornell University)" } },
            ["authorships"] = authors.Select((a, i) => new Dictionary<string, object?>
            {
                ["author_position"] = i == 0 ? "first" : i == authors.Length - 1 ? "last" : "middle",
                ["author"] = new Dictionary<string, object?>
                {
                    ["id"] = "https://openalex.org/A" + (5000 + i),
                    ["display_name"] = a.Name,
                    ["orcid"] = a.Orcid is null ? null : "https://orcid.org/" + a.Orcid,
                },
                ["institutions"] = (a.Institutions ?? []).Select(inst => new Dictionary<string, object?>
                {
                    ["id"] = "https://openalex.org/I" + Math.Abs(inst.Name.GetHashCode(StringComparison.Ordinal)),
                    ["display_name"] = inst.Name,
                    ["ror"] = inst.Ror is null ? null : "https://ror.org/" + inst.Ror,
                    ["country_code"] = inst.Country,
                    ["type"] = "company",
                }).ToList(),
                ["countries"] = (a.Institutions ?? []).Select(inst => inst.Country).Distinct().ToList(),
                ["is_corresponding"] = false,
                ["raw_author_name"] = a.Name,
                ["raw_affiliation_strings"] = a.Raw ?? (a.Institutions ?? []).Select(inst => inst.Name).ToArray(),
            }).ToList(),
            ["cited_by_count"] = 0,
        });
}
