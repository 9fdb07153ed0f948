using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Radar.Tests.Fakes;

/// <summary>The quiet Kestrel every fake server runs on: 127.0.0.1, a free port, no logging.</summary>
public static class Loopback
{
    public static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>A TCP port free on 127.0.0.1 now, for a server started by a test (PostgreSQL, a bot process).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
