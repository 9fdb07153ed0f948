using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> builder)
    {
        builder.ToTable("deliveries");
        builder.HasIndex(d => new { d.StoryId, d.ChannelId }).IsUnique();
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => d.EditDueAt);
        builder.HasOne<StoryRecord>().WithMany().HasForeignKey(d => d.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChannelRecord>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.MessageId).HasMaxLength(128);
        builder.Property(d => d.Matched).HasMaxLength(500);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.PingRole).HasMaxLength(32);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);
    }
}
