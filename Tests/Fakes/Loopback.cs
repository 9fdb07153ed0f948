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
}
