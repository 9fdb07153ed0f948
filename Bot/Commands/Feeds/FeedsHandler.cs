using System.Globalization;
using Radar.Bot.Chat;
using Radar.Feeds.Fetching;
using Radar.Feeds.Model;
using Radar.Feeds.Parsing;
using Radar.Storage.Stores;

namespace Radar.Bot.Commands.Feeds;

/// <summary>
/// <c>/feeds</c>: every feed with its health. Owners only: <c>/feeds add &lt;url&gt;</c> (fetched and
/// parsed once before it is accepted), <c>/feeds remove &lt;id&gt;</c>, <c>/feeds export</c> (OPML).
/// </summary>
public sealed class FeedsHandler(FeedStore feeds, FeedFetcher fetcher, Owners owners, TimeProvider time) : ICommandHandler
{
    public string Name => "feeds";

    public string Help => "/feeds — the feeds Radar reads, with their health · owners: /feeds add <url> | remove <id> | export";

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Arguments.Count > 0 ? request.Arguments[0].ToLowerInvariant() : null;
        if (action is null)
        {
            return await ListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (action is not ("add" or "remove" or "export"))
        {
            return Reply.Error("Use /feeds, or (owners) /feeds add <url>, /feeds remove <id>, /feeds export.");
        }

        if (!owners.Contains(request))
        {
            return Reply.Error("Only the bot's owners (Radar:Owners) can change or export the feeds.");
        }

        var argument = request.Arguments.Count > 1 ? request.Arguments[1] : null;
        return action switch
        {
            "add" => await AddAsync(argument, request, cancellationToken).ConfigureAwait(false),
            "remove" => await RemoveAsync(argument, cancellationToken).ConfigureAwait(false),
            _ => await ExportAsync(cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Reply> ListAsync(CancellationToken cancellationToken)
    {
        var all = await feeds.HealthAsync(cancellationToken).ConfigureAwait(false);
        var lines = all.Where(f => f.Enabled).Select(Describe).ToList();
        var failing = all.Count(f => f.Enabled && f.ConsecutiveFailures > 0);
        return new Reply($"{lines.Count} feeds, {failing} failing", lines.Count == 0 ? ["No feeds are configured."] : lines);
    }

    private async Task<Reply> AddAsync(string? url, CommandRequest request, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Reply.Error("Give the feed's http(s) address: /feeds add https://example.com/feed.xml");
        }

        var fetched = await fetcher.FetchAsync(uri.AbsoluteUri, null, null, cancellationToken).ConfigureAwait(false);
        if (fetched.Outcome != FetchOutcome.Content)
        {
            var why = fetched.Error switch
            {
                FetchErrorKind.PrivateAddress => "it is a private or local address, which Radar does not fetch",
                FetchErrorKind.InvalidUrl => "it is not an http(s) address",
                _ => fetched.ToString(),
            };
            return Reply.Error($"Could not fetch {Shown(uri)}: {why}.");
        }

        var parsed = FeedParser.Parse(fetched.Body, time.GetUtcNow(), null, fetched.Charset, fetched.FinalUrl ?? uri);
        if (!parsed.Succeeded)
        {
            return Reply.Error($"{Shown(uri)} is not a feed I can read ({parsed.Error}).");
        }

        var name = string.IsNullOrWhiteSpace(parsed.Title) ? uri.Host : parsed.Title;
        var id = await feeds.AddAsync(name, uri.AbsoluteUri, request.Platform + ":" + request.UserId, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return new Reply($"Added feed #{id.ToString(CultureInfo.InvariantCulture)}: {name}", [$"{parsed.Entries.Count} entries now; new ones will alert as they come."]);
    }

    private async Task<Reply> RemoveAsync(string? argument, CancellationToken cancellationToken)
    {
        if (!int.TryParse(argument?.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Reply.Error("Say which: /feeds remove <id> (ids are in /feeds).");
        }

        var refused = await feeds.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        return refused is null ? new Reply($"Removed feed #{id}.", []) : Reply.Error(refused);
    }

    private async Task<Reply> ExportAsync(CancellationToken cancellationToken)
    {
        var enabled = (await feeds.HealthAsync(cancellationToken).ConfigureAwait(false)).Where(f => f.Enabled).Select(f => new FeedSource(f.Name, f.Url, f.Language));
        return new Reply("feeds.opml", [OpmlReader.Write(enabled, "Radar feeds")]);
    }

    /// <summary>The address as a chat may see it: without the user name and password a URL can carry.</summary>
    private static string Shown(Uri uri) => uri.UserInfo.Length == 0 ? uri.AbsoluteUri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;

    private static string Describe(FeedHealth feed)
    {
        var state = feed.ConsecutiveFailures > 0
            ? $"FAILING ×{feed.ConsecutiveFailures}: {feed.LastError}"
            : feed.LastSuccessAt is { } success ? "ok, last success " + success.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "not polled yet";
        return $"#{feed.Id} {feed.Name} — {state}";
    }
}
