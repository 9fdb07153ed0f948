using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Radar.Tests.Fakes;

/// <summary>A real HTTP server on 127.0.0.1 whose routes each test scripts; it counts requests and keeps their headers.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, IHeaderDictionary Headers)> Requests { get; } = new();

    /// <summary>When each request arrived, by path.</summary>
    public ConcurrentQueue<(string Path, DateTime At)> Arrivals { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FeedServer> StartAsync()
    {
        var app = Loopback.CreateApp();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> with an ETag and Last-Modified, answering 304 to a matching conditional GET.</summary>
    public void ServeFeed(string path, Func<string> body, string etag = "\"v1\"", string lastModified = "Sat, 28 Nov 2026 10:00:00 GMT") =>
        Map(path, async context =>
        {
            var current = body();
            var tag = etag == "content" ? "\"" + current.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\"" : etag;
            if (context.Request.Headers.IfNoneMatch == tag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = tag;
            context.Response.Headers.LastModified = lastModified;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(current);
        });

    /// <summary>Answers <paramref name="status"/> with no body at <paramref name="path"/>: a broken or vanished feed.</summary>
    public void ServeStatus(string path, int status) =>
        Map(path, context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

    public void Map(string path, RequestDelegate handler) => _routes[path] = handler;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Arrivals.Enqueue((path, DateTime.UtcNow));
        Requests.Enqueue((path, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value))));
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
