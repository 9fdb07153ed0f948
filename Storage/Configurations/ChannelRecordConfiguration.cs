using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class ChannelRecordConfiguration : IEntityTypeConfiguration<ChannelRecord>
{
    public void Configure(EntityTypeBuilder<ChannelRecord> builder)
    {
        builder.ToTable("channels");
        builder.HasIndex(c => new { c.Platform, c.ExternalId, c.ThreadId }).IsUnique();
        builder.Property(c => c.Platform).HasMaxLength(32);
        builder.Property(c => c.ExternalId).HasMaxLength(64);
        builder.Property(c => c.ThreadId).HasMaxLength(64);
        builder.Property(c => c.DisplayName).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Style).HasConversion<string>().HasMaxLength(16).HasDefaultValue(AlertStyle.Full).HasSentinel(AlertStyle.Full);
        builder.Property(c => c.InactiveReason).HasMaxLength(500);
    }
}
