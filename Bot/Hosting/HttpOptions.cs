using System.ComponentModel.DataAnnotations;

namespace Radar.Bot.Hosting;

/// <summary>The <c>Radar:Http</c> section: where <c>/healthz</c> (and later webhooks) listen.</summary>
public sealed class HttpOptions
{
    public const string Section = "Radar:Http";

    /// <summary>The address Kestrel binds; loopback by default, put a reverse proxy in front for the outside.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// The address at which the outside (a WebSub hub) reaches this HTTP port, e.g.
    /// <c>https://radar.example.org</c> behind a reverse proxy. Unset, Radar subscribes to no hub.
    /// </summary>
    [Url(ErrorMessage = "must be an absolute http(s) URL.")]
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The token the read-only dashboard asks for (environment or user secrets only). Needed to serve
    /// the dashboard on an address other than loopback; when set, required on any address.
    /// </summary>
    public string? DashboardToken { get; set; }

    /// <summary>0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "must be between 0 and 65535.")]
    public int Port { get; set; } = 5380;
}
