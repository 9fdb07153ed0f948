namespace Radar.Feeds.Knowledge;

/// <summary>
/// A typed name as Radar understood it (<see cref="KnowledgeBase.Lookup"/>, the one way commands, the
/// dashboard and the charts resolve names): the entity it stands for, or what to offer instead.
/// </summary>
/// <param name="Name">The name as typed.</param>
/// <param name="Entity">The entity, or null when the name was not taken.</param>
/// <param name="Suggestions">When not taken: the candidates when several fit, else the closest spellings.</param>
/// <param name="Ambiguous">Whether several entities fit the name (rather than none).</param>
public sealed record NameLookup(string Name, KnownEntity? Entity, IReadOnlyList<KnownEntity> Suggestions, bool Ambiguous)
{
    /// <summary>
    /// What to tell a user whose name was not taken: "'Daniel' could be: …. Please be more precise."
    /// or "I don't know the organisation 'Metta'. Did you mean: Meta?"; <paramref name="label"/>
    /// ("organisation", "person", "model") is left out when the name could be anything.
    /// </summary>
    public string Problem(string? label = null)
    {
        var offered = string.Join(", ", Suggestions.Select(e => e.Name));
        if (Ambiguous)
        {
            return $"'{Name}' could be: {offered}. Please be more precise.";
        }

        var unknown = label is null ? $"I don't know '{Name}'." : $"I don't know the {label} '{Name}'.";
        return Suggestions.Count == 0 ? unknown : $"{unknown} Did you mean: {offered}?";
    }

    /// <summary>"organisation", "person" or "model".</summary>
    public static string Label(EntityKind kind) => kind switch { EntityKind.Org => "organisation", EntityKind.Person => "person", _ => "model" };
}
