using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Radar.Bot.Dashboard;

/// <summary>
/// Renders a dashboard page with <see cref="HtmlRenderer"/>. Apart from <see cref="DashboardPages"/>,
/// which maps the endpoints at start: with the renderer's generic method in that class, mapping the
/// pages loaded the component assemblies although no page had been asked for.
/// </summary>
public static class PageRenderer
{
    /// <summary>Renders <typeparamref name="TPage"/> with its <c>Model</c> parameter as the response, HTML-encoded as Razor encodes.</summary>
    public static async Task RenderAsync<TPage>(HttpContext context, object model)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model })).ConfigureAwait(false);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
