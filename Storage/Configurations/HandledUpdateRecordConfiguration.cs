using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class HandledUpdateRecordConfiguration : IEntityTypeConfiguration<HandledUpdateRecord>
{
    public void Configure(EntityTypeBuilder<HandledUpdateRecord> builder)
    {
        builder.ToTable("handled_updates");
        builder.HasKey(u => new { u.Platform, u.UpdateId });
        builder.Property(u => u.Platform).HasMaxLength(20);
        builder.HasIndex(u => u.HandledAt);
    }
}
