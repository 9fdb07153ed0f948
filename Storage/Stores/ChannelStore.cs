using System.Data.Common;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>Chat channels and their subscriptions.</summary>
public sealed class ChannelStore(RadarDatabase db)
{
    private const string Columns = """ "Id", "Platform", "ExternalId", "ThreadId", "DisplayName", "Language", "TimeZone", "Style", "Active", "InactiveReason", "CreatedAt" """;

    private static ChannelRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Platform = r.GetString(1),
        ExternalId = r.GetString(2),
        ThreadId = r.GetString(3),
        DisplayName = r.GetString(4),
        Language = r.GetString(5),
        TimeZone = r.GetString(6),
        Style = Enum.Parse<AlertStyle>(r.GetString(7)),
        Active = r.GetBoolean(8),
        InactiveReason = r.IsDBNull(9) ? null : r.GetString(9),
        CreatedAt = RadarDatabase.Utc(r, 10),
    };

    /// <summary>
    /// Returns the channel's id, creating it on first sight; a channel created with
    /// <paramref name="subscribeToEverything"/> starts with one unfiltered <c>all</c> subscription.
    /// </summary>
    public async Task<long> EnsureAsync(string platform, string externalId, string displayName, bool subscribeToEverything, DateTime now, CancellationToken cancellationToken, string threadId = "")
    {
        (string, object?)[] key = [("platform", platform), ("externalId", externalId), ("threadId", threadId)];
        if (await db.ScalarAsync("""SELECT "Id" FROM channels WHERE "Platform" = @platform AND "ExternalId" = @externalId AND "ThreadId" = @threadId""", cancellationToken, key).ConfigureAwait(false) is { } existing)
        {
            return Convert.ToInt64(existing, System.Globalization.CultureInfo.InvariantCulture);
        }

        var created = await db.QueryAsync(
            """
            INSERT INTO channels ("Platform", "ExternalId", "ThreadId", "DisplayName", "Language", "TimeZone", "Style", "Active", "CreatedAt")
            VALUES (@platform, @externalId, @threadId, @name, 'en', 'UTC', @style, TRUE, @now)
            ON CONFLICT DO NOTHING
            RETURNING "Id"
            """,
            r => r.GetInt64(0), cancellationToken, [.. key, ("name", displayName), ("style", nameof(AlertStyle.Full)), ("now", now)]).ConfigureAwait(false);
        if (created.Count == 0)
        {
            return await EnsureAsync(platform, externalId, displayName, subscribeToEverything, now, cancellationToken, threadId).ConfigureAwait(false); // made meanwhile
        }

        if (subscribeToEverything)
        {
            await new SubscriptionStore(db).AddAsync(new SubscriptionRecord { ChannelId = created[0], Topic = SubscriptionTopic.All, CreatedAt = now }, cancellationToken).ConfigureAwait(false);
        }

        return created[0];
    }

    public async Task<ChannelRecord?> FindAsync(string platform, string externalId, CancellationToken cancellationToken) =>
        (await db.QueryAsync($"""SELECT {Columns} FROM channels WHERE "Platform" = @platform AND "ExternalId" = @externalId AND "ThreadId" = ''""", Read, cancellationToken, ("platform", platform), ("externalId", externalId)).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<ChannelRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await db.QueryAsync($"""SELECT {Columns} FROM channels WHERE "Id" = @id""", Read, cancellationToken, ("id", id)).ConfigureAwait(false)).SingleOrDefault();

    public Task SetLanguageAsync(long channelId, string language, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE channels SET "Language" = @language WHERE "Id" = @id""", cancellationToken, ("language", language), ("id", channelId));

    /// <summary>The chat moved (a Telegram group became a supergroup): the channel keeps its subscriptions under the new id.</summary>
    public Task MoveAsync(string platform, string externalId, string newExternalId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE channels SET "ExternalId" = @newId WHERE "Platform" = @platform AND "ExternalId" = @externalId""", cancellationToken, ("newId", newExternalId), ("platform", platform), ("externalId", externalId));

    public Task SetStyleAsync(long channelId, AlertStyle style, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE channels SET "Style" = @style WHERE "Id" = @id""", cancellationToken, ("style", style.ToString()), ("id", channelId));

    public Task SetTimeZoneAsync(long channelId, string timeZone, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE channels SET "TimeZone" = @zone WHERE "Id" = @id""", cancellationToken, ("zone", timeZone), ("id", channelId));

    /// <summary>The channel is gone or refuses us: no more deliveries, subscriptions kept. Returns false if it was inactive already.</summary>
    public async Task<bool> DeactivateAsync(long channelId, string reason, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            """UPDATE channels SET "Active" = FALSE, "InactiveReason" = @reason WHERE "Id" = @id AND "Active" """,
            cancellationToken, ("reason", reason.Length > 500 ? reason[..500] : reason), ("id", channelId)).ConfigureAwait(false) > 0;

    public Task ReactivateAsync(long channelId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""UPDATE channels SET "Active" = TRUE, "InactiveReason" = NULL WHERE "Id" = @id""", cancellationToken, ("id", channelId));
}
