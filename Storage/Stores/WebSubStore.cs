using System.Data.Common;
using System.Security.Cryptography;
using Radar.Storage.Entities;
using Radar.Storage.Sql;

namespace Radar.Storage.Stores;

/// <summary>Feeds' WebSub subscriptions: discovered by polls, driven by the subscriber, verified by the hub.</summary>
public sealed class WebSubStore(RadarDatabase db)
{
    private const string Columns = """ w."Id", w."FeedId", w."Hub", w."Topic", w."CallbackKey", w."Secret", w."Requested", w."ExpiresAt", w."VerifiedAt", w."NextAttemptAt", w."Failures", w."LastError" """;

    private static WebSubSubscriptionRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt32(0),
        FeedId = r.GetInt32(1),
        Hub = r.GetString(2),
        Topic = r.GetString(3),
        CallbackKey = r.GetString(4),
        Secret = r.GetString(5),
        Requested = r.GetString(6),
        ExpiresAt = RadarDatabase.UtcOrNull(r, 7),
        VerifiedAt = RadarDatabase.UtcOrNull(r, 8),
        NextAttemptAt = RadarDatabase.Utc(r, 9),
        Failures = r.GetInt32(10),
        LastError = r.IsDBNull(11) ? null : r.GetString(11),
    };

    /// <summary>
    /// Records the hub a poll found for a feed. A new hub or topic starts a new subscription (new
    /// callback key and secret) that is due at once. Returns true when something changed.
    /// </summary>
    public async Task<bool> DiscoverAsync(int feedId, string hub, string topic, DateTime now, CancellationToken cancellationToken)
    {
        var existing = (await db.QueryAsync($"""SELECT {Columns} FROM websub_subscriptions w WHERE w."FeedId" = @feed""", Read, cancellationToken, ("feed", feedId)).ConfigureAwait(false)).SingleOrDefault();
        if (existing is not null && existing.Hub == hub && existing.Topic == topic)
        {
            return false;
        }

        await db.ExecuteAsync(
            """
            INSERT INTO websub_subscriptions ("FeedId", "Hub", "Topic", "CallbackKey", "Secret", "Requested", "ExpiresAt", "NextAttemptAt", "Failures")
            VALUES (@feed, @hub, @topic, @key, @secret, @subscribe, NULL, @now, 0)
            ON CONFLICT ("FeedId") DO UPDATE SET "Hub" = excluded."Hub", "Topic" = excluded."Topic", "CallbackKey" = excluded."CallbackKey", "Secret" = excluded."Secret",
                "Requested" = excluded."Requested", "ExpiresAt" = NULL, "NextAttemptAt" = excluded."NextAttemptAt", "Failures" = 0
            """,
            cancellationToken, ("feed", feedId), ("hub", hub), ("topic", topic), ("key", NewKey()), ("secret", NewKey()), ("subscribe", WebSubModes.Subscribe), ("now", now)).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The subscriptions the subscriber must act on now: due ones (subscribe, renew, retry), and those
    /// whose feed was removed and that were not unsubscribed yet. Change them and <see cref="SaveAsync"/> them.
    /// </summary>
    public async Task<IReadOnlyList<(WebSubSubscriptionRecord Subscription, bool FeedEnabled)>> DueAsync(DateTime now, CancellationToken cancellationToken) =>
        await db.QueryAsync(
            $"""
            SELECT {Columns}, f."Enabled" FROM websub_subscriptions w JOIN feeds f ON f."Id" = w."FeedId"
            WHERE w."NextAttemptAt" <= @now OR (NOT f."Enabled" AND w."Requested" <> @unsubscribe)
            ORDER BY w."NextAttemptAt" LIMIT 100
            """,
            r => (Read(r), r.GetBoolean(12)),
            cancellationToken, ("now", now), ("unsubscribe", WebSubModes.Unsubscribe)).ConfigureAwait(false);

    /// <summary>The subscription a callback URL names, or null. Change it and <see cref="SaveAsync"/> it.</summary>
    public async Task<WebSubSubscriptionRecord?> FindAsync(string callbackKey, CancellationToken cancellationToken) =>
        (await db.QueryAsync($"""SELECT {Columns} FROM websub_subscriptions w WHERE w."CallbackKey" = @key""", Read, cancellationToken, ("key", callbackKey)).ConfigureAwait(false)).SingleOrDefault();

    public Task RemoveAsync(WebSubSubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return db.ExecuteAsync("""DELETE FROM websub_subscriptions WHERE "Id" = @id""", cancellationToken, ("id", subscription.Id));
    }

    /// <summary>Writes what the subscriber or a verification changed of a subscription.</summary>
    public Task SaveAsync(WebSubSubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return db.ExecuteAsync(
            """
            UPDATE websub_subscriptions SET "Requested" = @requested, "ExpiresAt" = @expires, "VerifiedAt" = @verified, "NextAttemptAt" = @next, "Failures" = @failures, "LastError" = @error
            WHERE "Id" = @id
            """,
            cancellationToken, ("requested", subscription.Requested), ("expires", subscription.ExpiresAt), ("verified", subscription.VerifiedAt), ("next", subscription.NextAttemptAt),
            ("failures", subscription.Failures), ("error", subscription.LastError), ("id", subscription.Id));
    }

    /// <summary>The subscriptions, for the dashboard's feeds page.</summary>
    public async Task<IReadOnlyList<WebSubSubscriptionRecord>> ListAsync(CancellationToken cancellationToken) =>
        await db.QueryAsync($"""SELECT {Columns} FROM websub_subscriptions w ORDER BY w."FeedId" """, Read, cancellationToken).ConfigureAwait(false);

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
