using Radar.Bot.Commands.Feeds;
using Radar.Bot.Commands.Flows;
using Radar.Bot.Commands.Help;
using Radar.Bot.Commands.Language;
using Radar.Bot.Commands.Latest;
using Radar.Bot.Commands.Preview;
using Radar.Bot.Commands.Search;
using Radar.Bot.Commands.Style;
using Radar.Bot.Commands.Subscribe;
using Radar.Bot.Commands.Subscriptions;
using Radar.Bot.Commands.Team;
using Radar.Bot.Commands.TimeZone;
using Radar.Bot.Commands.Unsubscribe;
using Radar.Bot.Commands.Whois;

namespace Radar.Bot.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>Every slash command, the dispatcher that routes to them, and what they share per request (the channel, the last match).</summary>
    public static IServiceCollection AddRadarCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<Owners>();
        services.AddScoped<ChannelContext>();
        services.AddScoped<LastMatch>();
        services.AddScoped<ICommandHandler, HelpHandler>();
        services.AddScoped<ICommandHandler, FeedsHandler>();
        services.AddScoped<ICommandHandler, LatestHandler>();
        services.AddScoped<ICommandHandler, SubscribeHandler>();
        services.AddScoped<ICommandHandler, UnsubscribeHandler>();
        services.AddScoped<ICommandHandler, SubscriptionsHandler>();
        services.AddScoped<ICommandHandler, WhoisHandler>();
        services.AddScoped<ICommandHandler, FlowsHandler>();
        services.AddScoped<ICommandHandler, TeamHandler>();
        services.AddScoped<ICommandHandler, LanguageHandler>();
        services.AddScoped<ICommandHandler, SearchHandler>();
        services.AddScoped<ICommandHandler, PreviewHandler>();
        services.AddScoped<ICommandHandler, TimeZoneHandler>();
        services.AddScoped<ICommandHandler, StyleHandler>();
        return services;
    }
}
