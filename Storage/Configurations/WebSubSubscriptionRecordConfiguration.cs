using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class WebSubSubscriptionRecordConfiguration : IEntityTypeConfiguration<WebSubSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<WebSubSubscriptionRecord> builder)
    {
        builder.ToTable("websub_subscriptions");
        builder.HasIndex(w => w.FeedId).IsUnique();
        builder.HasIndex(w => w.CallbackKey).IsUnique();
        builder.HasIndex(w => w.NextAttemptAt);
        builder.Property(w => w.Hub).HasMaxLength(2000);
        builder.Property(w => w.Topic).HasMaxLength(2000);
        builder.Property(w => w.CallbackKey).HasMaxLength(64);
        builder.Property(w => w.Secret).HasMaxLength(200);
        builder.Property(w => w.Requested).HasMaxLength(20);
        builder.Property(w => w.LastError).HasMaxLength(1000);
        builder.HasOne<FeedRecord>().WithMany().HasForeignKey(w => w.FeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
