using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Radar.Bot.Hosting;

namespace Radar.Bot.Dashboard;

/// <summary>
/// Who may read the dashboard. On a loopback address (the default) anyone who can reach the port;
/// on another address only with <c>Radar:Http:DashboardToken</c> set, and then only requests that
/// carry it: <c>Authorization: Bearer …</c>, or <c>?token=…</c> once (it becomes an HttpOnly,
/// SameSite=Strict cookie). Without the token on a public address the dashboard is not served at all.
/// </summary>
public static class DashboardAccess
{
    public const string Cookie = "radar_dashboard";

    /// <summary>The paths that are not the dashboard (machine endpoints with their own rules).</summary>
    private static readonly string[] OtherPaths = [HealthEndpoint.Path, Observability.RadarMetrics.Path, Telegram.TelegramStartup.WebhookPath, Discord.DiscordInteractionsEndpoint.Path, WebSub.WebSubEndpoints.PathPrefix];

    /// <summary>Whether the dashboard may be served with these settings (else the host logs why and leaves it out).</summary>
    public static bool Allowed(HttpOptions http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return IsLoopback(http.Address) || !string.IsNullOrEmpty(http.DashboardToken);
    }

    public static bool IsLoopback(string address) =>
        address is "localhost" || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The middleware that asks for the token on dashboard paths when one is configured.</summary>
    public static IApplicationBuilder UseDashboardAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var token = context.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.DashboardToken;
        var path = context.Request.Path.Value ?? "/";
        if (string.IsNullOrEmpty(token) || OtherPaths.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var given = context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..]
            : context.Request.Query["token"].FirstOrDefault() ?? context.Request.Cookies[Cookie];
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("The dashboard needs its token (Radar:Http:DashboardToken).").ConfigureAwait(false);
            return;
        }

        if (context.Request.Query.ContainsKey("token"))
        {
            context.Response.Cookies.Append(Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/" });
        }

        await next(context).ConfigureAwait(false);
    });
}
