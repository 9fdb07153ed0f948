using System.Data.Common;
using Radar.Feeds.Matching;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>Subscriptions: what each channel asked for.</summary>
public sealed class SubscriptionStore(RadarDatabase db)
{
    private const string Columns = """ s."Id", s."ChannelId", s."Topic", s."Org", s."Person", s."Model", s."Keyword", s."SourceLanguage", s."Exclude", s."Pattern", s."ExcludePattern", s."PingRole", s."Silent", s."ConfirmedOnly", s."Papers", s."Mode", s."DigestTime", s."QuietHours", s."CreatedAt" """;

    private static SubscriptionRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ChannelId = r.GetInt64(1),
        Topic = Enum.Parse<SubscriptionTopic>(r.GetString(2), ignoreCase: true),
        Org = RadarDatabase.TextOrNull(r, 3),
        Person = RadarDatabase.TextOrNull(r, 4),
        Model = RadarDatabase.TextOrNull(r, 5),
        Keyword = RadarDatabase.TextOrNull(r, 6),
        SourceLanguage = RadarDatabase.TextOrNull(r, 7),
        Exclude = RadarDatabase.TextOrNull(r, 8),
        Pattern = RadarDatabase.TextOrNull(r, 9),
        ExcludePattern = RadarDatabase.TextOrNull(r, 10),
        PingRole = RadarDatabase.TextOrNull(r, 11),
        Silent = r.GetBoolean(12),
        ConfirmedOnly = r.GetBoolean(13),
        Papers = r.IsDBNull(14) ? null : r.GetBoolean(14),
        Mode = Enum.Parse<DeliveryMode>(r.GetString(15), ignoreCase: true),
        DigestTime = RadarDatabase.TextOrNull(r, 16),
        QuietHours = RadarDatabase.TextOrNull(r, 17),
        CreatedAt = RadarDatabase.Utc(r, 18),
    };


    public async Task<SubscriptionRecord> AddAsync(SubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var s = subscription;
        subscription.Id = (await db.QueryAsync(
            """
            INSERT INTO subscriptions ("ChannelId", "Topic", "Org", "Person", "Model", "Keyword", "SourceLanguage", "Exclude", "Pattern", "ExcludePattern", "PingRole", "Silent", "ConfirmedOnly", "Papers", "Mode", "DigestTime", "QuietHours", "CreatedAt")
            VALUES (@channel, @topic, @org, @person, @model, @keyword, @sourceLanguage, @exclude, @pattern, @excludePattern, @pingRole, @silent, @confirmedOnly, @papers, @mode, @digestTime, @quietHours, @created)
            RETURNING "Id"
            """,
            r => r.GetInt64(0), cancellationToken,
            ("channel", s.ChannelId), ("topic", Lower(s.Topic)), ("org", s.Org), ("person", s.Person), ("model", s.Model), ("keyword", s.Keyword), ("sourceLanguage", s.SourceLanguage),
            ("exclude", s.Exclude), ("pattern", s.Pattern), ("excludePattern", s.ExcludePattern), ("pingRole", s.PingRole), ("silent", s.Silent), ("confirmedOnly", s.ConfirmedOnly),
            ("papers", s.Papers), ("mode", Lower(s.Mode)), ("digestTime", s.DigestTime), ("quietHours", s.QuietHours), ("created", s.CreatedAt)).ConfigureAwait(false)).Single();
        return subscription;
    }

    /// <summary>Enums stored as their lower-case names ("digest"), the form rows were written in before the columns were typed.</summary>
    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(long channelId, CancellationToken cancellationToken) =>
        await db.QueryAsync($"""SELECT {Columns} FROM subscriptions s WHERE s."ChannelId" = @channel ORDER BY s."Id" """, Read, cancellationToken, ("channel", channelId)).ConfigureAwait(false);

    /// <summary>Removes one subscription of the channel (or all when <paramref name="id"/> is null); returns how many went.</summary>
    public Task<int> RemoveAsync(long channelId, long? id, CancellationToken cancellationToken) =>
        id is { } one
            ? db.ExecuteAsync("""DELETE FROM subscriptions WHERE "ChannelId" = @channel AND "Id" = @id""", cancellationToken, ("channel", channelId), ("id", one))
            : db.ExecuteAsync("""DELETE FROM subscriptions WHERE "ChannelId" = @channel""", cancellationToken, ("channel", channelId));

    /// <summary>The subscriptions of active channels, for the matcher.</summary>
    public async Task<IReadOnlyList<SubscriptionFilter>> ActiveFiltersAsync(CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            $"""SELECT {Columns}, c."TimeZone", c."Language" FROM subscriptions s JOIN channels c ON c."Id" = s."ChannelId" WHERE c."Active" ORDER BY s."Id" """,
            r => (Subscription: Read(r), TimeZone: r.GetString(19), Language: r.GetString(20)),
            cancellationToken).ConfigureAwait(false))
        .ConvertAll(x => Filter(x.Subscription) with
        {
            DigestTime = x.Subscription.Mode == DeliveryMode.Digest ? x.Subscription.DigestTime : null,
            QuietHours = x.Subscription.QuietHours,
            TimeZone = x.TimeZone,
            ChannelLanguage = x.Language,
        });

    /// <summary>The matcher's view of a stored subscription.</summary>
    public static SubscriptionFilter Filter(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new SubscriptionFilter(subscription.Id, subscription.ChannelId, subscription.Topic.ToTopic(), subscription.Org, subscription.Person, subscription.Model, subscription.Keyword, subscription.SourceLanguage)
        {
            Exclude = SplitExclude(subscription.Exclude),
            Pattern = StoredPattern(subscription.Pattern, subscription.Id),
            ExcludePattern = StoredPattern(subscription.ExcludePattern, subscription.Id),
            PingRole = subscription.PingRole,
            Silent = subscription.Silent,
            ConfirmedOnly = subscription.ConfirmedOnly,
            Papers = subscription.Papers,
        };
    }

    /// <summary>Excluded phrases as stored: one per line.</summary>
    public static string? JoinExclude(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        return phrases.Count == 0 ? null : string.Join('\n', phrases);
    }

    private static string[] SplitExclude(string? stored) => stored?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static TextPattern? StoredPattern(string? source, long id) =>
        source is null ? null : TextPattern.TryCreate(source, out var error) ?? throw new InvalidDataException($"Subscription #{id} has a pattern Radar cannot run: {error}");
}
