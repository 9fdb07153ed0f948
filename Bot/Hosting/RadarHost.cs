using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Quartz;
using Radar.Bot.Chat;
using Radar.Bot.Cluster;
using Radar.Bot.Commands;
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
using Radar.Bot.ConsoleChat;
using Radar.Bot.Dashboard;
using Radar.Bot.Delivery;
using Radar.Bot.Discord;
using Radar.Bot.Ingest;
using Radar.Bot.Knowledge;
using Radar.Bot.Notices;
using Radar.Bot.Observability;
using Radar.Bot.Papers;
using Radar.Bot.Scheduling;
using Radar.Bot.Telegram;
using Radar.Bot.WebSub;
using Radar.Feeds;
using Radar.Feeds.Fetching;
using Radar.Feeds.Summaries;
using Radar.Storage;

namespace Radar.Bot.Hosting;

/// <summary>The composition root: one call per area. Program and the end-to-end tests both build the bot here.</summary>
public static partial class RadarHost
{
    /// <param name="mode">The command line, parsed.</param>
    /// <param name="customize">Lets tests replace configuration, standard input and output.</param>
    public static WebApplication Build(RunMode mode, Action<WebApplicationBuilder>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = mode.ConfigurationArguments,
            ContentRootPath = AppContext.BaseDirectory, // appsettings.json beside the binary, whatever the working directory
        });
        builder.Configuration.AddUserSecrets(typeof(RadarHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(mode.ConfigurationArguments);
        // The formatter is configuration's choice (Logging:Console:FormatterName: simple, json or
        // systemd); each includes scopes, so every line names the instance (RunAsync's scope).
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<ConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? ConsoleFormatterNames.Simple; // over the slim builder's own choice
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Console.Out);
        builder.Services.AddSingleton(Console.In);
        customize?.Invoke(builder);

        // Bind every section once now, so that a value of the wrong type is a clear start-up error.
        _ = ReadSection<FeedsOptions>(builder.Configuration, FeedsOptions.Section);
        _ = ReadSection<ConsoleOptions>(builder.Configuration, ConsoleOptions.Section);
        _ = ReadSection<LlmOptions>(builder.Configuration, LlmOptions.Section);
        _ = ReadSection<DeliveryOptions>(builder.Configuration, DeliveryOptions.Section);

        var storage = ReadValidated(builder.Configuration, StorageOptions.Section, new StorageOptionsValidator());
        var instance = new InstanceIdentity(builder.Configuration);
        builder.Services.AddSingleton(instance);
        builder.Services.AddRadarOptions();
        builder.Services.AddRadarFeeds();
        builder.Services.AddRadarStorage(storage);
        builder.Services.AddRadarChat();
        builder.Services.AddRadarPapers(mode.Once);
        builder.Services.AddRadarScheduling(builder.Configuration, storage, instance, mode.Once);
        var telegram = ReadValidated(builder.Configuration, TelegramOptions.Section, new TelegramOptionsValidator());
        if (telegram.Enabled && telegram.Mode == "Webhook" && (telegram.WebhookUrl is null || telegram.WebhookSecret is null))
        {
            throw new StartupException("Radar:Telegram:Mode=Webhook needs Radar:Telegram:WebhookUrl and Radar:Telegram:WebhookSecret.", ExitCodes.BadConfiguration);
        }

        builder.Services.AddRadarTelegram(telegram, mode.Once);
        var discord = ReadValidated(builder.Configuration, DiscordOptions.Section, new DiscordOptionsValidator());
        builder.Services.AddRadarDiscord(discord, mode.Once);
        builder.WebHost.UseUrls(ListenUrl(builder.Configuration));
        var http = ReadSection<HttpOptions>(builder.Configuration, HttpOptions.Section);
        var dashboard = DashboardAccess.Allowed(http);
        var app = builder.Build();
        if (dashboard)
        {
            app.UseDashboardHeaders();
            app.UseDashboardAccess();
            app.MapDashboardAssets();
            app.MapDashboardPages();
        }
        else
        {
            LogDashboardOff(app.Logger, http.Address);
        }

        app.MapRadarHealth();
        app.MapPrometheusScrapingEndpoint(RadarMetrics.Path);
        app.MapWebSub();
        if (telegram.Enabled && telegram.Mode == "Webhook")
        {
            app.MapTelegramWebhook();
        }

        if (discord.Enabled && !string.IsNullOrWhiteSpace(discord.PublicKey))
        {
            app.MapDiscordInteractions();
        }
        return app;
    }

    /// <summary>The Quartz scheduler's name, the same on every instance (they form one cluster on PostgreSQL).</summary>
    public const string SchedulerName = "radar";

    /// <summary>Runs until stopped, or one cycle in --once mode; returns the exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, RunMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(mode);
        using var named = InstanceScope(app.Logger, app.Services.GetRequiredService<InstanceIdentity>().Id);
        try
        {
            if (mode.Once)
            {
                await OnceRunner.RunAsync(app.Services, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await app.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (OptionsValidationException e)
        {
            throw new StartupException(Describe([e]), ExitCodes.BadConfiguration);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            throw new StartupException(Describe(e.InnerExceptions.Cast<OptionsValidationException>()), ExitCodes.BadConfiguration);
        }
    }

    /// <summary>One line per failure, each starting with the full configuration key ("Radar:Feeds:PollInterval: …").</summary>
    private static string Describe(IEnumerable<OptionsValidationException> exceptions)
    {
        var sections = new Dictionary<Type, string>
        {
            [typeof(FeedsOptions)] = FeedsOptions.Section,
            [typeof(StorageOptions)] = StorageOptions.Section,
            [typeof(ConsoleOptions)] = ConsoleOptions.Section,
            [typeof(HttpOptions)] = HttpOptions.Section,
            [typeof(LlmOptions)] = LlmOptions.Section,
            [typeof(DeliveryOptions)] = DeliveryOptions.Section,
            [typeof(TelegramOptions)] = TelegramOptions.Section,
            [typeof(DiscordOptions)] = DiscordOptions.Section,
            [typeof(PapersOptions)] = PapersOptions.Section,
        };
        return string.Join(Environment.NewLine, exceptions.SelectMany(e => e.Failures.Select(failure =>
            failure.StartsWith("Radar:", StringComparison.Ordinal) || !sections.TryGetValue(e.OptionsType, out var section)
                ? failure
                : section + ":" + failure)));
    }

    private static IServiceCollection AddRadarOptions(this IServiceCollection services)
    {
        services.AddOptions<FeedsOptions>().BindConfiguration(FeedsOptions.Section).ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section).ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedSourcesValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddSingleton<IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        return services;
    }

    private static IServiceCollection AddRadarChat(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleOutput>();
        services.AddSingleton<IChatPlatform, ConsolePlatform>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ConsoleCommandRunner>();
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
        services.AddScoped<LastMatch>();
        services.AddScoped<ICommandHandler, TimeZoneHandler>();
        services.AddScoped<ICommandHandler, StyleHandler>();
        services.AddScoped<ChannelContext>();
        services.AddSingleton<Owners>();
        services.AddSingleton<FeedSourcesProvider>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<StoryIngest>();
        services.AddSingleton<RadarMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RadarMetrics.MeterName).AddPrometheusExporter());
        services.AddRadarHealthChecks();
        services.AddSingleton<WebSubSubscriber>();
        services.AddHttpClient(WebSubSubscriber.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value));
        services.AddSingleton<KnowledgeProvider>();
        services.AddSingleton<SubscriptionIndexProvider>();
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.AddSingleton<AlertComposer>();
        services.AddSingleton<PlatformRateLimiter>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<BrokenFeedNotifier>();
        return services;
    }

    private static IServiceCollection AddRadarScheduling(this IServiceCollection services, IConfiguration configuration, StorageOptions storage, InstanceIdentity instance, bool once)
    {
        // Hosted services start in this order (and stop in the reverse): the lock, the database, the
        // leases, then the work that needs them.
        services.AddHostedService<InstanceLockHolder>();
        services.AddHostedService<RadarInitializer>();
        services.AddSingleton<LeaseManager>();
        services.AddSingleton<ChangeSignals>();
        services.AddQuartz(quartz =>
        {
            // One scheduler name for every instance, one id each: on PostgreSQL they form one Quartz
            // cluster, where each firing runs on exactly one instance and a dead one's work is recovered.
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.InstanceId = instance.Id;
            });
            if (storage.Provider == StorageOptions.Postgres && !once)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.ConfigureStore(options =>
                    {
                        options.StoreJobDataAsStrings = true;
                        options.TablePrefix = QuartzSchema.TablePrefix;
                    });
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                    store.UsePostgres(storage.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                });
            }

            var interval = ReadSection<FeedsOptions>(configuration, FeedsOptions.Section).PollInterval;
            quartz.AddJob<PollFeedsJob>(job => job.WithIdentity(PollFeedsJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.WithIdentity(PollFeedsJob.TriggerKey).ForJob(PollFeedsJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(PollFeedsJob.Tick(interval)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddHostedService(s => s.GetRequiredService<LeaseManager>());
        if (!once)
        {
            services.AddHostedService<ChangeWatcher>();
            services.AddHostedService<DeliveryService>();
            services.AddHostedService(s => s.GetRequiredService<BrokenFeedNotifier>());
            services.AddHostedService(s => s.GetRequiredService<WebSubSubscriber>());
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<ConsoleInputService>();
        }

        return services;
    }

    /// <summary>Binds and validates a section the composition itself depends on, before the container exists.</summary>
    private static T ReadValidated<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        var options = ReadSection<T>(configuration, section);
        var result = validator.Validate(null, options);
        if (result.Failed)
        {
            throw new StartupException(string.Join(Environment.NewLine, result.Failures!.Select(f => section + ":" + f)), ExitCodes.BadConfiguration);
        }

        return options;
    }

    private static string ListenUrl(IConfiguration configuration)
    {
        var http = ReadValidated(configuration, HttpOptions.Section, new HttpOptionsValidator());
        return $"http://{http.Address}:{http.Port}";
    }

    /// <summary>Binds a section before the container exists; a value of the wrong type becomes a clear startup error.</summary>
    private static T ReadSection<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            var key = System.Text.RegularExpressions.Regex.Match(e.Message, "at '([^']+)'").Groups[1].Value;
            throw new StartupException((key.Length > 0 ? key + ": " : string.Empty) + e.Message, ExitCodes.BadConfiguration);
        }
    }

    private static readonly Func<ILogger, string, IDisposable?> InstanceScope = LoggerMessage.DefineScope<string>("instance {Instance}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard is not served: Radar listens on {Address}, not loopback, and Radar:Http:DashboardToken is not set")]
    private static partial void LogDashboardOff(ILogger logger, string address);
}
