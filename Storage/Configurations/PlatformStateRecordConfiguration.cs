using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class PlatformStateRecordConfiguration : IEntityTypeConfiguration<PlatformStateRecord>
{
    public void Configure(EntityTypeBuilder<PlatformStateRecord> builder)
    {
        builder.ToTable("platform_state");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(200);
        builder.Property(s => s.Value).HasMaxLength(2000);
    }
}
