using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Quartz;
using Radar.Bot.Cluster;
using Radar.Bot.Commands;
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

        // One call per area, each binding its own section (RadarOptions); the console platform first,
        // so that it is the first of the chat platforms.
        var configuration = builder.Configuration;
        var services = builder.Services;
        var instance = new InstanceIdentity(configuration);
        services.AddSingleton(instance);
        var storage = services.AddRadarOptionsValidatedNow(configuration, StorageOptions.Section, new StorageOptionsValidator());
        var http = services.AddRadarOptionsValidatedNow(configuration, HttpOptions.Section, new HttpOptionsValidator());
        services.AddRadarStorage(storage);
        var feeds = services.AddRadarIngest(configuration);
        services.AddRadarConsole(configuration);
        services.AddRadarCommands();
        services.AddRadarDelivery(configuration);
        services.AddRadarWebSub();
        services.AddRadarCore();
        services.AddRadarPapers(configuration, mode.Once);
        services.AddRadarScheduling(storage, instance, feeds.PollInterval, mode.Once);
        var telegram = services.AddRadarTelegram(configuration, mode.Once);
        var discord = services.AddRadarDiscord(configuration, mode.Once);
        builder.WebHost.UseUrls($"http://{http.Address}:{http.Port}");
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
        if (telegram.Enabled && telegram.Mode == TelegramMode.Webhook)
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

    /// <summary>One line per failure, each starting with the full configuration key ("Radar:Feeds:PollInterval: …"), as each section's validators word them (<see cref="RadarOptions"/>).</summary>
    private static string Describe(IEnumerable<OptionsValidationException> exceptions) =>
        string.Join(Environment.NewLine, exceptions.SelectMany(e => e.Failures));

    /// <summary>What every area shares: the knowledge, the subscriptions' index, the metrics, the health checks and the broken-feed notices.</summary>
    private static IServiceCollection AddRadarCore(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeProvider>();
        services.AddSingleton<SubscriptionIndexProvider>();
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.AddSingleton<RadarMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RadarMetrics.MeterName)
            .AddView(instrument => new MetricStreamConfiguration { CardinalityLimit = RadarMetrics.CardinalityLimit })
            .AddPrometheusExporter());
        services.AddRadarHealthChecks();
        services.AddSingleton<BrokenFeedNotifier>();
        return services;
    }

    private static IServiceCollection AddRadarScheduling(this IServiceCollection services, StorageOptions storage, InstanceIdentity instance, TimeSpan pollInterval, bool once)
    {
        // Hosted services start in this order (and stop in the reverse): the lock, the database, the
        // leases, then the work that needs them.
        services.AddHostedService<InstanceLockHolder>();
        services.AddHostedService<RadarInitializer>();
        services.AddSingleton<LeaseManager>();
        services.AddSingleton<ChangeSignals>();
        services.AddHostedService(s => s.GetRequiredService<LeaseManager>());
        if (!once)
        {
            services.AddSingleton<PollRound>();
            services.AddHostedService<ChangeWatcher>();
            services.AddHostedService<DeliveryService>();
            services.AddHostedService(s => s.GetRequiredService<BrokenFeedNotifier>());
            services.AddHostedService(s => s.GetRequiredService<WebSubSubscriber>());
            if (storage.Provider == StorageProvider.Postgres)
            {
                AddQuartzCluster(services, storage, instance, pollInterval);
            }
            else
            {
                services.AddSingleton(s => ActivatorUtilities.CreateInstance<PollTicker>(s, PollRound.Tick(pollInterval)));
                services.AddHostedService(s => s.GetRequiredService<PollTicker>());
                services.AddHealthChecks().AddCheck<PollTickerHealthCheck>(PollTicker.CheckName);
            }

            services.AddHostedService<ConsoleInputService>();
        }

        return services;
    }

    /// <summary>
    /// Instances sharing PostgreSQL form one Quartz cluster (one scheduler name, one id each), where
    /// each firing runs on exactly one of them and a dead one's work is recovered; the scheduler starts
    /// where this is called among the hosted services. In a method of its own so that a single
    /// instance never loads Quartz.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddQuartzCluster(IServiceCollection services, StorageOptions storage, InstanceIdentity instance, TimeSpan pollInterval)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.InstanceId = instance.Id;
            });
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
            quartz.AddJob<PollFeedsJob>(job => job.WithIdentity(PollFeedsJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.WithIdentity(PollFeedsJob.TriggerKey).ForJob(PollFeedsJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(PollRound.Tick(pollInterval)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddQuartz(SchedulerName, _ => { });
    }

    private static readonly Func<ILogger, string, IDisposable?> InstanceScope = LoggerMessage.DefineScope<string>("instance {Instance}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard is not served: Radar listens on {Address}, not loopback, and Radar:Http:DashboardToken is not set")]
    private static partial void LogDashboardOff(ILogger logger, string address);
}
