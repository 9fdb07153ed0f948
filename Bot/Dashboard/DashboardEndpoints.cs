using Radar.Bot.Charts;
using Radar.Bot.Knowledge;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Knowledge.Flows;

namespace Radar.Bot.Dashboard;

/// <summary>
/// The dashboard's non-page endpoints: its style sheet (a file, so that the Content-Security-Policy
/// allows no inline style or script) and the flows chart as an image. Every dashboard response
/// carries the policy and the usual hardening headers.
/// </summary>
public static class DashboardEndpoints
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboardHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    });

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard.css", () => Results.Text(Css, "text/css"));
        endpoints.MapGet("/charts/flows.png", (string? org, int? since, string? lang, KnowledgeProvider knowledge) =>
        {
            var knowledgeBase = knowledge.Current.Knowledge;
            if (org is null || knowledgeBase.Find(org, EntityKind.Org) is not { } found)
            {
                return Results.NotFound();
            }

            var shown = knowledgeBase.OutputOrg(found);
            var png = FlowsChart.Render(shown, TalentFlows.For(knowledgeBase, shown, since), lang);
            return Results.File(png, "image/png");
        });
        endpoints.MapGet("/charts/team.png", (string? model, string? lang, KnowledgeProvider knowledge) =>
        {
            var knowledgeBase = knowledge.Current.Knowledge;
            if (model is null || knowledgeBase.Find(model, EntityKind.Model) is not { } found)
            {
                return Results.NotFound();
            }

            var team = Team.Of(knowledgeBase, found);
            return Results.File(TeamChart.Render(found.Name, Commands.Team.TeamHandler.Maker(knowledgeBase, found), team, lang), "image/png");
        });
        return endpoints;
    }

    private const string Css = """
        :root { font-family: system-ui, "Noto Sans", sans-serif; color: #1b1f24; }
        body { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
        header { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid #d0d7de; margin-bottom: 1rem; }
        header h1 { font-size: 1.3rem; margin: .5rem 0; }
        nav a { margin-right: 1rem; }
        a { color: #0b5cad; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
        form.filters input, form.filters select { padding: .25rem .4rem; }
        article.story { border-bottom: 1px solid #eaeef2; padding: .6rem 0; }
        article.story h2 { font-size: 1.1rem; margin: .2rem 0; }
        .topics span, .tag { display: inline-block; background: #eef3f8; border-radius: .6rem; padding: 0 .5rem; margin-right: .3rem; font-size: .8rem; }
        .tier { display: inline-block; border-radius: .6rem; padding: 0 .5rem; font-size: .8rem; margin: 0; }
        .tier-reported { background: #fff4d6; color: #7a5600; }
        .tier-confirmed { background: #e3f6e8; color: #1e6b34; }
        .tier-denied { background: #fde4e4; color: #8a1c1c; }
        .thread { font-size: .85rem; color: #555; }
        .meta { color: #57606a; font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: start; border-bottom: 1px solid #eaeef2; padding: .3rem .5rem; vertical-align: top; }
        .fact { color: #1f4e79; } .news { color: #b35c1e; } .inferred { color: #57606a; font-style: italic; }
        .failing { color: #b42318; }
        img.chart { max-width: 100%; border: 1px solid #eaeef2; }
        footer { margin-top: 2rem; color: #57606a; font-size: .8rem; }
        """;
}
