using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Conversions;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class SubscriptionRecordConfiguration : IEntityTypeConfiguration<SubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionRecord> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasIndex(s => s.ChannelId);
        builder.HasOne<ChannelRecord>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Topic).HasConversion<LowerCaseEnumConverter<SubscriptionTopic>>().HasMaxLength(16);
        builder.Property(s => s.Org).HasMaxLength(200);
        builder.Property(s => s.Person).HasMaxLength(200);
        builder.Property(s => s.Model).HasMaxLength(200);
        builder.Property(s => s.Keyword).HasMaxLength(200);
        builder.Property(s => s.SourceLanguage).HasMaxLength(16);
        builder.Property(s => s.Exclude).HasMaxLength(1000);
        builder.Property(s => s.Pattern).HasMaxLength(200);
        builder.Property(s => s.ExcludePattern).HasMaxLength(200);
        builder.Property(s => s.PingRole).HasMaxLength(32);
        builder.Property(s => s.Mode).HasConversion<LowerCaseEnumConverter<DeliveryMode>>().HasMaxLength(16);
        builder.Property(s => s.DigestTime).HasMaxLength(5);
        builder.Property(s => s.QuietHours).HasMaxLength(16);
    }
}
