using Radar.Feeds.Knowledge;

namespace Radar.Feeds.Papers;

/// <summary>What a new paper taught: a finding per author, and the institutions the knowledge base did not know (to be learnt, with their ROR ids).</summary>
public sealed record PaperReading(PaperWork Work, IReadOnlyList<AuthorFinding> Authors, IReadOnlyList<KnownEntity> NewOrganisations)
{
    public IEnumerable<PaperMove> Moves => Authors.Select(a => a.Move).OfType<PaperMove>();
}
