using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Feeds.Extraction;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class StoryRecordConfiguration : IEntityTypeConfiguration<StoryRecord>
{
    public void Configure(EntityTypeBuilder<StoryRecord> builder)
    {
        builder.ToTable("stories");
        builder.HasIndex(s => s.CreatedAt);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Link).HasMaxLength(2048);
        builder.Property(s => s.Summary).HasMaxLength(2000);
        builder.Property(s => s.Language).HasMaxLength(16);
        builder.Property(s => s.Source).HasMaxLength(200);
        builder.Property(s => s.Topics).HasMaxLength(64);
        builder.Property(s => s.TitleKey).HasMaxLength(500);
        builder.Property(s => s.EventKeys).HasMaxLength(4000);
        builder.Property(s => s.Tier).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ClaimTier.Confirmed).HasSentinel(ClaimTier.Confirmed);
        builder.Property(s => s.TierBy).HasMaxLength(200);
        builder.Property(s => s.PaperId).HasMaxLength(64);
    }
}
