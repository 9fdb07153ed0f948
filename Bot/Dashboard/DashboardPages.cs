using Radar.Bot.Dashboard.Pages;
using Radar.Bot.Knowledge;
using Radar.Storage.Stores;

namespace Radar.Bot.Dashboard;

/// <summary>
/// The dashboard's pages: Razor components rendered to HTML on request (<see cref="PageRenderer"/>),
/// behind plain endpoints. No MVC: the component renderer is loaded by the first page asked for, so
/// a bot whose dashboard nobody opens does not carry it (docs/measurements.md).
/// </summary>
public static class DashboardPages
{
    /// <summary>The kinds of entity page, as their paths name them.</summary>
    public static readonly IReadOnlyList<string> EntityKinds = ["people", "orgs", "models"];

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (HttpContext context, StoryStore stories, KnowledgeProvider knowledge) =>
        {
            var model = IndexModel.FromQuery(context.Request.Query);
            await model.LoadAsync(stories, knowledge, context.RequestAborted).ConfigureAwait(false);
            await PageRenderer.RenderAsync<IndexPage>(context, model).ConfigureAwait(false);
        });
        endpoints.MapGet("/feeds", async (HttpContext context, FeedStore feeds, WebSubStore webSub, TimeProvider time) =>
            await PageRenderer.RenderAsync<FeedsPage>(context, await FeedsModel.LoadAsync(feeds, webSub, time, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false));
        foreach (var kind in EntityKinds)
        {
            endpoints.MapGet($"/{kind}/{{name}}", async (string name, HttpContext context, StoryStore stories, KnowledgeProvider knowledge) =>
            {
                var model = new EntityModel(knowledge);
                await model.LoadAsync(kind, name, stories, context.RequestAborted).ConfigureAwait(false);
                context.Response.StatusCode = model.Entity is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
                await PageRenderer.RenderAsync<EntityPage>(context, model).ConfigureAwait(false);
            });
        }

        return endpoints;
    }
}
