using Radar.Feeds.Text;

namespace Radar.Feeds.Knowledge;

/// <summary>
/// The entities being assembled from several sources, found by any spelling (folded), so that one
/// company or person named by several sources becomes one entity enriched by each.
/// </summary>
internal sealed class EntityCollection
{
    private readonly Dictionary<string, KnownEntity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(EntityKind, string), string> _bySpelling = [];

    public IEnumerable<KnownEntity> All => _byId.Values;

    public KnownEntity? Get(string? id) => id is not null && _byId.TryGetValue(id, out var entity) ? entity : null;

    public KnownEntity? Find(EntityKind kind, string spelling) =>
        _bySpelling.TryGetValue((kind, MatchText.Normalize(spelling)), out var id) ? _byId[id] : null;

    /// <summary>Adds the entity, or replaces the one with its id; its spellings find it from now on (first come, first kept).</summary>
    public KnownEntity Put(KnownEntity entity)
    {
        _byId[entity.Id] = entity;
        foreach (var spelling in entity.Aliases.Prepend(entity.Name).Concat(entity.ArabicNames))
        {
            var key = (entity.Kind, MatchText.Normalize(spelling));
            if (key.Item2.Length > 0)
            {
                _bySpelling.TryAdd(key, entity.Id);
            }
        }

        return entity;
    }

    public static string Id(EntityKind kind, string name) =>
        kind.ToString().ToLowerInvariant() + ":" + string.Join('-', MatchText.Tokenize(name).Select(t => t.Folded));
}
