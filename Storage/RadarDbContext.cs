using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Radar.Storage.Entities;

namespace Radar.Storage;

/// <summary>
/// The database. Provider-neutral: each provider has a thin derived context that owns its
/// migrations (<see cref="SqliteRadarDbContext"/>, <see cref="PostgresRadarDbContext"/>). Times are stored as UTC <see cref="DateTime"/>.
/// </summary>
public abstract class RadarDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Whether this is the PostgreSQL flavour. Asked instead of EF Core's <c>IsNpgsql()</c>, which
    /// loads the PostgreSQL provider's assemblies into a bot that runs on SQLite.
    /// </summary>
    public virtual bool OnPostgres => false;

    public DbSet<FeedRecord> Feeds => Set<FeedRecord>();

    public DbSet<EntryRecord> Entries => Set<EntryRecord>();

    public DbSet<StoryRecord> Stories => Set<StoryRecord>();

    public DbSet<ChannelRecord> Channels => Set<ChannelRecord>();

    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();

    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    public DbSet<KnowledgeEntityRecord> KnowledgeEntities => Set<KnowledgeEntityRecord>();

    public DbSet<AffiliationRecord> Affiliations => Set<AffiliationRecord>();

    public DbSet<PaperRecord> Papers => Set<PaperRecord>();

    public DbSet<PaperAppearanceRecord> PaperAppearances => Set<PaperAppearanceRecord>();

    public DbSet<PlatformStateRecord> PlatformState => Set<PlatformStateRecord>();

    public DbSet<LeaseRecord> Leases => Set<LeaseRecord>();

    public DbSet<WebSubSubscriptionRecord> WebSubSubscriptions => Set<WebSubSubscriptionRecord>();

    public DbSet<HandledUpdateRecord> HandledUpdates => Set<HandledUpdateRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RadarDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Reads every stored time back as UTC, whatever the provider kept.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
